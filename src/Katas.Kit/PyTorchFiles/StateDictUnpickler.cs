using System.Buffers.Binary;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Kit;

/// <summary>
/// Reads <c>data.pkl</c> of a <c>torch.save</c> file the way <c>torch.load(weights_only=True)</c>
/// does: a small pickle machine that knows the opcodes a state dict uses and calls only the three
/// things a state dict needs (<c>collections.OrderedDict</c>, <c>torch._utils._rebuild_tensor_v2</c>
/// and the storage classes). A pickle that asks for anything else is refused, never run: a pickle
/// can name any Python function, and a file from the internet is untrusted.
/// </summary>
internal sealed class StateDictUnpickler(byte[] pickle, Func<ScalarType, string, long, Tensor> loadStorage)
{
    sealed record Global(string Module, string Name);
    sealed class Marker;

    static readonly Marker MarkObject = new();
    static readonly Global OrderedDictClass = new("collections", "OrderedDict");
    static readonly Global RebuildTensor = new("torch._utils", "_rebuild_tensor_v2");

    readonly List<object?> _stack = [];
    readonly Dictionary<long, object?> _memo = [];
    readonly Dictionary<string, Tensor> _storages = [];
    int _at;

    /// <summary>The storages read so far (data/KEY -> tensor), for the caller to dispose.</summary>
    public IEnumerable<Tensor> Storages => _storages.Values;

    /// <summary>Runs the pickle; returns the dictionary it builds.</summary>
    public OrderedDictionary<object, object?> Load()
    {
        while (true)
        {
            var position = _at;
            var op = Byte();
            switch (op)
            {
                case 0x80: Byte(); break; // PROTO n
                case 0x95: Bytes(8); break; // FRAME (protocol 4): a length, nothing to do
                case (byte)'.': // STOP
                    return Pop() as OrderedDictionary<object, object?>
                        ?? throw Malformed(position, "the pickle does not hold a dictionary (a state dict); torch.save(model.state_dict(), path) writes one");
                case (byte)'(': _stack.Add(MarkObject); break;
                case (byte)'0': Pop(); break;
                case (byte)'1': PopMark(); break;
                case (byte)'c': Push(Allow(Line(), Line(), position)); break; // GLOBAL
                case 0x93: // STACK_GLOBAL
                    var name = Pop<string>(position);
                    Push(Allow(Pop<string>(position), name, position));
                    break;
                case (byte)'q': _memo[Byte()] = Top(position); break; // BINPUT
                case (byte)'r': _memo[UInt32()] = Top(position); break; // LONG_BINPUT
                case 0x94: _memo[_memo.Count] = Top(position); break; // MEMOIZE
                case (byte)'h': Push(Recall(Byte(), position)); break; // BINGET
                case (byte)'j': Push(Recall(UInt32(), position)); break; // LONG_BINGET
                case (byte)'N': Push(null); break;
                case 0x88: Push(true); break;
                case 0x89: Push(false); break;
                case (byte)'K': Push((long)Byte()); break; // BININT1
                case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2))); break; // BININT2
                case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Bytes(4))); break; // BININT
                case 0x8a: Push(Long1(position)); break;
                case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Bytes(8))); break; // BINFLOAT
                case (byte)'X': Push(Utf8(UInt32())); break; // BINUNICODE
                case 0x8c: Push(Utf8(Byte())); break; // SHORT_BINUNICODE
                case 0x8d: Push(Utf8(checked((long)BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8))))); break; // BINUNICODE8
                case (byte)')': Push(Array.Empty<object?>()); break;
                case 0x85: Push(PopMany(1, position)); break; // TUPLE1
                case 0x86: Push(PopMany(2, position)); break;
                case 0x87: Push(PopMany(3, position)); break;
                case (byte)'t': Push(PopMark()); break; // TUPLE
                case (byte)']': Push(new List<object?>()); break; // EMPTY_LIST
                case (byte)'l': Push(PopMark().ToList()); break; // LIST
                case (byte)'a': Pop<List<object?>>(position, peekBelow: 1).Add(Pop()); break; // APPEND
                case (byte)'e': // APPENDS
                    var items = PopMark();
                    Pop<List<object?>>(position, peekBelow: 0).AddRange(items);
                    break;
                case (byte)'}': Push(new OrderedDictionary<object, object?>()); break; // EMPTY_DICT
                case (byte)'d': Push(Fill(new OrderedDictionary<object, object?>(), PopMark(), position)); break; // DICT
                case (byte)'s': // SETITEM
                    var value = Pop();
                    var key = Pop() ?? throw Malformed(position, "a dictionary key is None");
                    Pop<OrderedDictionary<object, object?>>(position, peekBelow: 0)[key] = value;
                    break;
                case (byte)'u': // SETITEMS
                    var pairs = PopMark();
                    Fill(Pop<OrderedDictionary<object, object?>>(position, peekBelow: 0), pairs, position);
                    break;
                case (byte)'Q': Push(Persistent(Pop(), position)); break; // BINPERSID
                case (byte)'R': // REDUCE
                    var args = Pop<object?[]>(position);
                    var callable = Pop<Global>(position);
                    Push(callable == OrderedDictClass ? NewDict(args, position) : Call(callable, args, position));
                    break;
                case (byte)'b': // BUILD: a state dict's _metadata (per-module versions); nothing to set here
                    Pop();
                    if (Top(position) is not OrderedDictionary<object, object?>)
                        throw Malformed(position, "BUILD on something other than a dictionary");
                    break;
                default:
                    throw Malformed(position, $"opcode 0x{op:x2} is not one a state dict uses");
            }
        }
    }

    static Global Allow(string module, string name, int position)
    {
        var global = new Global(module, name);
        if (global == OrderedDictClass || global == RebuildTensor || (module == "torch" && Katas.Kit.Storages.TypeOf(name) is not null))
            return global;
        throw new InvalidDataException(
            $"data.pkl asks for {module}.{name} (at byte {position}), which a state dict does not need: the file holds more than " +
            "tensors by name (a whole pickled model, an optimizer, or code). Only state dicts are read, as torch.load(weights_only=True) " +
            "reads them. In Python, save torch.save(model.state_dict(), path) instead.");
    }

    static Tensor Call(Global callable, object?[] args, int position)
    {
        if (callable == RebuildTensor && args.Length is 6 or 7
            && args[0] is Tensor storage && args[1] is long offset && args[2] is object?[] size && args[3] is object?[] stride
            && args[4] is bool requiresGrad)
        {
            var shape = Longs(size, position);
            var strides = Longs(stride, position);
            if (shape.Length != strides.Length || shape.Any(s => s < 0) || strides.Any(s => s < 0) || offset < 0)
                throw Malformed(position, $"a tensor of shape [{string.Join(", ", shape)}] with strides [{string.Join(", ", strides)}]");
            var last = shape.Contains(0) ? offset - 1 : offset + shape.Zip(strides, (n, s) => (n - 1) * s).Sum();
            if (last >= storage.numel())
                throw Malformed(position, $"a tensor of shape [{string.Join(", ", shape)}] needs element {last} of a storage of {storage.numel()}");
            var tensor = storage.as_strided(shape, strides, offset);
            if (requiresGrad && tensor.is_floating_point()) tensor.requires_grad_(true);
            return tensor;
        }
        throw Malformed(position, $"{callable.Module}.{callable.Name} called with arguments it does not take");
    }

    Tensor Persistent(object? pid, int position)
    {
        // ("storage", torch.FloatStorage, key, location, element count)
        if (pid is not object?[] { Length: 5 } p || p[0] is not "storage" || p[1] is not Global type || p[2] is not string key
            || p[4] is not long count || count < 0 || Katas.Kit.Storages.TypeOf(type.Name) is not { } dtype)
            throw Malformed(position, "a persistent id that is not a tensor storage");
        if (!_storages.TryGetValue(key, out var storage))
            _storages[key] = storage = loadStorage(dtype, key, count);
        if (storage.numel() != count || storage.dtype != dtype)
            throw Malformed(position, $"storage {key} is used with two types or sizes");
        return storage;
    }

    /// <summary>OrderedDict() or OrderedDict(pairs): torch.save writes the first, PyBridge OrderedDict([]).</summary>
    static OrderedDictionary<object, object?> NewDict(object?[] args, int position)
    {
        var dict = new OrderedDictionary<object, object?>();
        if (args is [])
            return dict;
        if (args is not [IEnumerable<object?> pairs])
            throw Malformed(position, "collections.OrderedDict called with arguments it does not take");
        foreach (var pair in pairs)
            dict[pair is object?[] { Length: 2 } p && p[0] is { } key ? key : throw Malformed(position, "OrderedDict of something other than pairs")] = ((object?[])pair)[1];
        return dict;
    }

    static OrderedDictionary<object, object?> Fill(OrderedDictionary<object, object?> dict, object?[] pairs, int position)
    {
        if (pairs.Length % 2 != 0) throw Malformed(position, "a dictionary with a key and no value");
        for (var i = 0; i < pairs.Length; i += 2)
            dict[pairs[i] ?? throw Malformed(position, "a dictionary key is None")] = pairs[i + 1];
        return dict;
    }

    static long[] Longs(object?[] values, int position) =>
        values.Select(v => v as long? ?? throw Malformed(position, "a tensor size or stride that is not an integer")).ToArray();

    object? Recall(long index, int position) =>
        _memo.TryGetValue(index, out var value) ? value : throw Malformed(position, $"memo {index} is read before it is written");

    object? Top(int position) => _stack.Count > 0 ? _stack[^1] : throw Malformed(position, "the stack is empty");

    void Push(object? value) => _stack.Add(value);

    object? Pop()
    {
        if (_stack.Count == 0 || _stack[^1] is Marker) throw Malformed(_at - 1, "the stack is empty");
        var value = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    /// <summary>Pops a <typeparamref name="T"/>, or with <paramref name="peekBelow"/> reads it that deep without popping.</summary>
    T Pop<T>(int position, int? peekBelow = null)
    {
        var index = _stack.Count - 1 - (peekBelow ?? 0);
        if (index < 0 || _stack[index] is not T value)
            throw Malformed(position, $"expected {typeof(T).Name} on the stack");
        if (peekBelow is null) _stack.RemoveAt(index);
        return value;
    }

    object?[] PopMany(int count, int position)
    {
        if (_stack.Count < count || _stack.Skip(_stack.Count - count).Any(v => v is Marker))
            throw Malformed(position, "a tuple of missing items");
        var items = _stack.GetRange(_stack.Count - count, count).ToArray();
        _stack.RemoveRange(_stack.Count - count, count);
        return items;
    }

    object?[] PopMark()
    {
        var mark = _stack.FindLastIndex(v => v is Marker);
        if (mark < 0) throw Malformed(_at - 1, "MARK missing");
        var items = _stack.GetRange(mark + 1, _stack.Count - mark - 1).ToArray();
        _stack.RemoveRange(mark, _stack.Count - mark);
        return items;
    }

    long Long1(int position)
    {
        var length = Byte();
        if (length > 8) throw Malformed(position, $"an integer of {length} bytes");
        Span<byte> value = stackalloc byte[8];
        var bytes = Bytes(length);
        bytes.CopyTo(value);
        if (length > 0 && (bytes[^1] & 0x80) != 0) value[length..].Fill(0xFF); // negative: sign-extend
        return BinaryPrimitives.ReadInt64LittleEndian(value);
    }

    byte Byte() => Bytes(1)[0];

    long UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

    string Utf8(long length) => Encoding.UTF8.GetString(Bytes(length));

    string Line()
    {
        var end = Array.IndexOf(pickle, (byte)'\n', _at);
        if (end < 0) throw Malformed(_at, "the pickle ends inside a name");
        var line = Encoding.ASCII.GetString(pickle, _at, end - _at);
        _at = end + 1;
        return line;
    }

    ReadOnlySpan<byte> Bytes(long count)
    {
        if (count < 0 || count > pickle.Length - _at) throw Malformed(_at, "the pickle ends early");
        var span = pickle.AsSpan(_at, (int)count);
        _at += (int)count;
        return span;
    }

    static InvalidDataException Malformed(int position, string problem) =>
        new($"data.pkl is not a state dict as torch.save writes it: {problem} (at byte {position}).");
}
