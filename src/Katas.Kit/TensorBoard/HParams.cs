using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Tensorboard;

namespace Katas.Kit.TensorBoard;

#pragma warning disable CA1720 // The names of TensorBoard's DataType (DATA_TYPE_STRING, ...).
/// <summary>The type TensorBoard's HParams plugin gives a hyper-parameter (its api.proto DataType).</summary>
public enum HParamDataType { Unset = 0, String = 1, Bool = 2, Float64 = 3 }
#pragma warning restore CA1720

/// <summary>How a training session ended (the HParams plugin's Status).</summary>
public enum SessionStatus { Unknown = 0, Success = 1, Failure = 2, Running = 3 }

/// <summary>A hyper-parameter's name and type, as the experiment declares it.</summary>
public sealed record HParamInfo(string Name, HParamDataType Type);

/// <summary>
/// One decoded HParamsPluginData message. <see cref="DataKind"/> says which of its three kinds it is
/// ("experiment", "session_start_info" or "session_end_info", the names TensorBoard uses); only the
/// fields of that kind are filled.
/// </summary>
public sealed record HParamsPluginData(
    int Version,
    string DataKind,
    IReadOnlyList<HParamInfo> HParamInfos,
    IReadOnlyList<string> MetricTags,
    IReadOnlyDictionary<string, Value> HParams,
    SessionStatus Status);

/// <summary>
/// What TensorBoard's HParams plugin reads: three summaries whose metadata carries a serialized
/// HParamsPluginData (plugin "hparams", data version 0), laid out as PyTorch's
/// <c>torch.utils.tensorboard.summary.hparams</c> writes them. TorchSharp ships no classes for the
/// plugin's protos, so the few fields needed are written and read here with Google.Protobuf's
/// coded streams; field numbers follow tensorboard/plugins/hparams/{api,plugin_data}.proto.
/// </summary>
public static class HParams
{
    public const string PluginName = "hparams";
    public const int PluginDataVersion = 0;
    public const string ExperimentTag = "_hparams_/experiment";
    public const string SessionStartInfoTag = "_hparams_/session_start_info";
    public const string SessionEndInfoTag = "_hparams_/session_end_info";

    /// <summary>
    /// The experiment (hyper-parameter names and types, metric tags), the session start (the values)
    /// and the session end (success) summaries, with exactly the fields PyTorch sets (no start or end
    /// times). Null values are left out, as in PyTorch.
    /// </summary>
    public static (Summary Experiment, Summary SessionStart, Summary SessionEnd) Summaries(
        IReadOnlyDictionary<string, object?> hparams, IEnumerable<string> metricTags)
    {
        ArgumentNullException.ThrowIfNull(hparams);
        ArgumentNullException.ThrowIfNull(metricTags);
        var values = new List<(string Name, Value Value, HParamDataType Type)>();
        foreach (var (name, raw) in hparams)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("A hyper-parameter needs a name: the HParams table uses it as a column title.", nameof(hparams));
            if (raw is null) continue;
            var (value, type) = ToValue(raw) ?? throw new ArgumentException(
                $"Hyper-parameter '{name}' is a {raw.GetType().Name}; TensorBoard's HParams plugin shows only numbers, strings " +
                $"and bools. Log it as one of those, e.g. {name} = value.ToString().", nameof(hparams));
            values.Add((name, value, type));
        }
        var metrics = metricTags.ToList();
        if (metrics.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("A metric needs a tag: the HParams table uses it as a column title.", nameof(metricTags));

        var experiment = Message(o =>
        {
            foreach (var (name, _, type) in values)
                WriteMessage(o, 4, Message(h =>
                {
                    WriteString(h, 1, name);
                    h.WriteTag(4, WireFormat.WireType.Varint);
                    h.WriteEnum((int)type);
                }));
            foreach (var tag in metrics)
                WriteMessage(o, 5, Message(m => WriteMessage(m, 1, Message(n => WriteString(n, 2, tag)))));
        });
        var sessionStart = Message(o =>
        {
            foreach (var (name, value, _) in values)
                WriteMessage(o, 1, Message(entry =>
                {
                    WriteString(entry, 1, name);
                    WriteMessage(entry, 2, value.ToByteString());
                }));
        });
        var sessionEnd = Message(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteEnum((int)SessionStatus.Success);
        });
        return (Wrap(ExperimentTag, PluginData(2, experiment)),
                Wrap(SessionStartInfoTag, PluginData(3, sessionStart)),
                Wrap(SessionEndInfoTag, PluginData(4, sessionEnd)));
    }

    /// <summary>Decodes the content of a summary whose plugin is "hparams".</summary>
    public static HParamsPluginData Parse(ByteString content)
    {
        var version = 0;
        var kind = "";
        var infos = new List<HParamInfo>();
        var metricTags = new List<string>();
        var values = new Dictionary<string, Value>();
        var status = SessionStatus.Unknown;
        ReadFields(content, (field, input) =>
        {
            switch (field)
            {
                case 1: version = input.ReadInt32(); break;
                case 2:
                    kind = "experiment";
                    ReadFields(input.ReadBytes(), (f, e) =>
                    {
                        if (f == 4) infos.Add(ReadHParamInfo(e.ReadBytes()));
                        else if (f == 5) metricTags.Add(ReadMetricTag(e.ReadBytes()));
                        else e.SkipLastField();
                    });
                    break;
                case 3:
                    kind = "session_start_info";
                    ReadFields(input.ReadBytes(), (f, s) =>
                    {
                        if (f == 1) { var (k, v) = ReadMapEntry(s.ReadBytes()); values[k] = v; }
                        else s.SkipLastField();
                    });
                    break;
                case 4:
                    kind = "session_end_info";
                    ReadFields(input.ReadBytes(), (f, s) =>
                    {
                        if (f == 1) status = (SessionStatus)s.ReadEnum();
                        else s.SkipLastField();
                    });
                    break;
                default: input.SkipLastField(); break;
            }
        });
        return new HParamsPluginData(version, kind, infos, metricTags, values, status);
    }

    static (Value, HParamDataType)? ToValue(object raw) => raw switch
    {
        bool b => (Value.ForBool(b), HParamDataType.Bool),
        string s => (Value.ForString(s), HParamDataType.String),
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal =>
            (Value.ForNumber(Convert.ToDouble(raw, System.Globalization.CultureInfo.InvariantCulture)), HParamDataType.Float64),
        _ => null,
    };

    static HParamInfo ReadHParamInfo(ByteString bytes)
    {
        var name = "";
        var type = HParamDataType.Unset;
        ReadFields(bytes, (f, i) =>
        {
            if (f == 1) name = i.ReadString();
            else if (f == 4) type = (HParamDataType)i.ReadEnum();
            else i.SkipLastField();
        });
        return new HParamInfo(name, type);
    }

    static string ReadMetricTag(ByteString metricInfo)
    {
        var tag = "";
        ReadFields(metricInfo, (f, i) =>
        {
            if (f == 1) ReadFields(i.ReadBytes(), (g, n) => { if (g == 2) tag = n.ReadString(); else n.SkipLastField(); });
            else i.SkipLastField();
        });
        return tag;
    }

    static (string, Value) ReadMapEntry(ByteString entry)
    {
        var key = "";
        var value = new Value();
        ReadFields(entry, (f, i) =>
        {
            if (f == 1) key = i.ReadString();
            else if (f == 2) value = Value.Parser.ParseFrom(i.ReadBytes());
            else i.SkipLastField();
        });
        return (key, value);
    }

    static Summary Wrap(string tag, ByteString content) => new()
    {
        Value =
        {
            new Summary.Types.Value
            {
                Tag = tag,
                Metadata = new SummaryMetadata
                {
                    PluginData = new SummaryMetadata.Types.PluginData { PluginName = PluginName, Content = content },
                },
            },
        },
    };

    // HParamsPluginData { version = 0 (the default, so not written); one of fields 2, 3, 4 }.
    static ByteString PluginData(int field, ByteString data) => Message(o => WriteMessage(o, field, data));

    static ByteString Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
            write(output);
        return ByteString.CopyFrom(buffer.ToArray());
    }

    static void WriteMessage(CodedOutputStream output, int field, ByteString message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(message);
    }

    static void WriteString(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    // Calls onField for every field; the callback reads the field's value or skips it.
    static void ReadFields(ByteString bytes, Action<int, CodedInputStream> onField)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
            onField(WireFormat.GetTagFieldNumber(tag), input);
    }
}
