using Tensorboard;

namespace Katas.Kit.TensorBoard;

/// <summary>One point of a scalar curve (TensorBoard's ScalarEvent).</summary>
public sealed record ScalarEvent(double WallTime, long Step, float Value);

/// <summary>One logged image: its size and its encoded (PNG) bytes.</summary>
public sealed record ImageEvent(double WallTime, long Step, int Width, int Height, byte[] EncodedImage);

/// <summary>One summary value of any kind, with its event's time and step.</summary>
public sealed record TaggedValue(double WallTime, long Step, Summary.Types.Value Value);

/// <summary>
/// Reads a run back: every events file in a run folder (or one file), with both checksums of every
/// record verified, as typed events. Named after TensorBoard's Python
/// <c>EventAccumulator</c>, whose <c>Scalars(tag)</c> and <c>Images(tag)</c> it mirrors.
/// </summary>
public sealed class EventAccumulator
{
    EventAccumulator(IReadOnlyList<string> files, IReadOnlyList<Event> events)
    {
        Files = files;
        Events = events;
    }

    /// <summary>The events files read, in the order TensorBoard reads them (by name).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Every event, file by file, in the order written.</summary>
    public IReadOnlyList<Event> Events { get; }

    /// <summary>
    /// Reads a run: <paramref name="path"/> is a run folder (its events files, not its sub-folders,
    /// which are runs of their own) or one events file. Throws <see cref="CorruptEventFileException"/>
    /// when a file is damaged.
    /// </summary>
    public static EventAccumulator Load(string path)
    {
        string[] files;
        if (File.Exists(path)) files = [path];
        else if (Directory.Exists(path))
        {
            files = Directory.GetFiles(path).Where(f => Path.GetFileName(f).Contains("tfevents", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
                throw new FileNotFoundException(
                    $"{path} holds no events file (events.out.tfevents.*), so nothing was logged there. " +
                    "Check the folder given to the SummaryWriter, and that the code that logs ran.", path);
        }
        else throw new FileNotFoundException($"{path} does not exist: no run was logged there.", path);
        return new EventAccumulator(files, files.SelectMany(ReadFile).ToList());
    }

    /// <summary>The events of one file, checksums verified.</summary>
    public static IReadOnlyList<Event> ReadFile(string path) =>
        TfRecord.ReadAll(path).Select(record =>
        {
            try { return Event.Parser.ParseFrom(record.Payload); }
            catch (Google.Protobuf.InvalidProtocolBufferException e)
            {
                throw new CorruptEventFileException(path, record.Offset,
                    $"the record passes its checksums but is not a TensorBoard Event ({e.Message})");
            }
        }).ToList();

    /// <summary>Every summary tag, in the order it first appears.</summary>
    public IReadOnlyList<string> Tags => Events.Where(e => e.Summary is not null)
        .SelectMany(e => e.Summary.Value.Select(v => v.Tag)).Distinct().ToList();

    /// <summary>Every summary value logged under <paramref name="tag"/>, whatever its kind.</summary>
    public IReadOnlyList<TaggedValue> Values(string tag) => Events.Where(e => e.Summary is not null)
        .SelectMany(e => e.Summary.Value.Where(v => v.Tag == tag).Select(v => new TaggedValue(e.WallTime, e.Step, v))).ToList();

    /// <summary>The curve <paramref name="tag"/>, in the order logged. Throws when there is none.</summary>
    public IReadOnlyList<ScalarEvent> Scalars(string tag)
    {
        var points = Values(tag).Where(v => v.Value.ValueCase == Summary.Types.Value.ValueOneofCase.SimpleValue)
            .Select(v => new ScalarEvent(v.WallTime, v.Step, v.Value.SimpleValue)).ToList();
        return points.Count > 0 ? points : throw Missing("scalar", tag, Summary.Types.Value.ValueOneofCase.SimpleValue);
    }

    /// <summary>The images logged under <paramref name="tag"/>. Throws when there are none.</summary>
    public IReadOnlyList<ImageEvent> Images(string tag)
    {
        var images = Values(tag).Where(v => v.Value.ValueCase == Summary.Types.Value.ValueOneofCase.Image)
            .Select(v => new ImageEvent(v.WallTime, v.Step, v.Value.Image.Width, v.Value.Image.Height, v.Value.Image.EncodedImageString.ToByteArray()))
            .ToList();
        return images.Count > 0 ? images : throw Missing("image", tag, Summary.Types.Value.ValueOneofCase.Image);
    }

    /// <summary>The model graph (the last one, if add_graph ran more than once). Throws when there is none.</summary>
    public GraphDef Graph()
    {
        var graph = Events.LastOrDefault(e => e.WhatCase == Event.WhatOneofCase.GraphDef)
            ?? throw new KeyNotFoundException($"{Describe()} holds no graph: call writer.add_graph(model, sampleInput).");
        return GraphDef.Parser.ParseFrom(graph.GraphDef);
    }

    KeyNotFoundException Missing(string kind, string tag, Summary.Types.Value.ValueOneofCase valueCase)
    {
        var tags = Events.Where(e => e.Summary is not null).SelectMany(e => e.Summary.Value)
            .Where(v => v.ValueCase == valueCase).Select(v => v.Tag).Distinct().ToList();
        var known = tags.Count == 0 ? $"there are no {kind}s at all" : $"its {kind} tags are: {string.Join(", ", tags)}";
        return new KeyNotFoundException($"{Describe()} has no {kind} tagged \"{tag}\"; {known}. Check the tag you log under (tags are case-sensitive).");
    }

    string Describe() => Files.Count == 1 ? Files[0] : $"The run in {Path.GetDirectoryName(Files[0])}";
}
