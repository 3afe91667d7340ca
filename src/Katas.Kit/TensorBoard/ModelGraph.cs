using System.Runtime.InteropServices;
using Tensorboard;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Kit.TensorBoard;

/// <summary>
/// The GraphDef that <see cref="SummaryWriter.add_graph"/> writes: what TensorBoard's Graphs tab draws.
/// PyTorch traces the model with TorchScript; TorchSharp cannot, so this runs the model once on a
/// sample input and watches its layers through forward hooks:
/// <list type="bullet">
/// <item>one node per layer (a module without children), named by its path in the module tree,
/// so <c>conv1.0</c> of a model <c>CNN</c> becomes <c>CNN/conv1/0</c> and TensorBoard draws
/// <c>CNN</c> and <c>conv1</c> as boxes you can open; the op is the layer's class (<c>Conv2d</c>);</item>
/// <item>attributes: the shape of every parameter (<c>weight</c>, <c>bias</c>) and, in
/// <c>_output_shapes</c>, the output shape seen on the sample (TensorBoard writes it on the edges);</item>
/// <item>edges in data-flow order: a layer's input comes from the layer whose output it is; when the
/// input was made by code between layers (<c>x.view(...)</c>, <c>relu(x)</c>), from the layer that ran
/// just before.</item>
/// </list>
/// Hooks run only when a module is invoked with <c>call(x)</c>, TorchSharp's spelling of PyTorch's
/// <c>module(x)</c>; <c>forward(x)</c> skips them, as <c>module.forward(x)</c> does in PyTorch. A layer
/// that never reported is still drawn, with a <c>note</c> attribute saying why it has no edges; when
/// no layer reports at all, the layers are chained in the module tree's order instead.
/// </summary>
public static class ModelGraph
{
    /// <summary>The op TensorBoard shows for the graph's input and output, as PyTorch names them.</summary>
    public const string IONodeOp = "IO Node";
    public const string InputNode = "input";
    public const string OutputNode = "output";
    public const string OutputShapesAttr = "_output_shapes";
    public const string NoteAttr = "note";

    sealed record Call(string Path, nn.Module Module, object? Input, object? Output, long[]? OutputShape);

    /// <summary>Runs <paramref name="model"/> once on <paramref name="sampleInput"/> (eval mode, no
    /// gradients; every module's train/eval mode is restored afterwards) and describes what ran.</summary>
    public static GraphDef Build(nn.Module<Tensor, Tensor> model, Tensor sampleInput)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sampleInput);
        using var tensors = torch.NewDisposeScope(); // frees what the sample run makes
        var scope = ClassName(model);
        var leaves = Leaves(model);
        var calls = new List<Call>();
        var (output, outputShape) = RunWatched(model, sampleInput, leaves, calls);

        var device = DeviceName(sampleInput.device);
        var graph = new GraphDef { Versions = new VersionDef { Producer = 22 } };
        graph.Node.Add(IONode(InputNode, sampleInput.shape, device));

        var names = new List<string>();
        var uses = new Dictionary<string, int>();
        if (calls.Count == 0)
        {
            // Nothing reported: every layer was run with forward(x). The module tree's order is the
            // best guess there is (it is the data flow of Sequential-like models).
            var previous = InputNode;
            foreach (var (path, module) in leaves)
            {
                var node = LayerNode(NodeName(scope, path, uses), module, device);
                node.Input.Add(previous);
                node.Attr[NoteAttr] = Text(
                    "No layer ran through call(x) (PyTorch's module(x)), so no hook saw the data flow: layers are chained in the " +
                    "module tree's order and output shapes are unknown. Call layers with .call(x) in forward to draw the real flow.");
                graph.Node.Add(node);
                previous = node.Name;
            }
            names.Add(previous);
        }
        else
        {
            for (var k = 0; k < calls.Count; k++)
            {
                var call = calls[k];
                var node = LayerNode(NodeName(scope, call.Path, uses), call.Module, device);
                node.Input.Add(Producer(call.Input, calls, names, k, sampleInput));
                if (call.OutputShape is { } shape) node.Attr[OutputShapesAttr] = Shapes(shape);
                graph.Node.Add(node);
                names.Add(node.Name);
            }
            foreach (var (path, module) in leaves.Where(l => calls.All(c => c.Path != l.Path)))
            {
                var node = LayerNode(NodeName(scope, path, uses), module, device);
                node.Attr[NoteAttr] = Text(
                    "This layer did not run on the sample input through call(x) (PyTorch's module(x)): either forward skipped it " +
                    "or invoked it with .forward(x), which runs no hooks. Its place in the data flow is unknown.");
                graph.Node.Add(node);
            }
        }

        var outputNode = IONode(OutputNode, outputShape, device);
        outputNode.Input.Add(calls.Count == 0 ? names[^1] : Producer(output, calls, names, calls.Count, sampleInput));
        graph.Node.Add(outputNode);
        return graph;
    }

    static (Tensor Output, long[] Shape) RunWatched(nn.Module<Tensor, Tensor> model, Tensor sampleInput,
        List<(string Path, nn.Module Module)> leaves, List<Call> calls)
    {
        var modes = new List<(nn.Module Module, bool Training)> { (model, model.training) };
        modes.AddRange(model.named_modules().Select(m => (m.module, m.module.training)));
        var removers = leaves.Select(l => Watch(l.Path, l.Module, calls)).ToList();
        try
        {
            model.eval();
            using var _ = torch.no_grad();
            var output = model.call(sampleInput);
            return (output, output.shape);
        }
        catch (Exception e) when (e is ExternalException or ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException(
                $"add_graph runs {ClassName(model)} once on the sample input (shape [{string.Join(", ", sampleInput.shape)}]), " +
                $"and that failed: {e.Message} Fix: pass an input the model accepts, such as one batch of your data.",
                nameof(sampleInput), e);
        }
        finally
        {
            foreach (var remove in removers) remove();
            // Parents first: train(flag) also sets the children, which then get their own mode back.
            foreach (var (module, training) in modes) module.train(training);
        }
    }

    // Hooks that record each call of a layer. Module<Tensor, Tensor> layers report their input and
    // output; layers of other signatures report only that they ran (TorchSharp's untyped hook).
    static Action Watch(string path, nn.Module module, List<Call> calls)
    {
        if (module is nn.Module<Tensor, Tensor> layer)
        {
            var hook = layer.register_forward_hook((_, input, output) =>
            {
                calls.Add(new Call(path, module, input, output, output.shape));
                return output;
            });
            return hook.remove;
        }
        var register = module.GetType().GetMethod("register_forward_hook", [typeof(Action<nn.Module>)]);
        var remover = register?.Invoke(module, [(Action<nn.Module>)(_ => calls.Add(new Call(path, module, null, null, null)))]);
        var remove = remover?.GetType().GetMethod("remove", Type.EmptyTypes);
        return () => remove?.Invoke(remover, null);
    }

    // The node whose output `value` is: the latest call that returned that very tensor object; the
    // model's input; or, for tensors made between layers, the call just before.
    static string Producer(object? value, List<Call> calls, List<string> names, int before, Tensor sampleInput)
    {
        for (var j = before - 1; j >= 0; j--)
            if (value is not null && ReferenceEquals(calls[j].Output, value)) return names[j];
        if (ReferenceEquals(value, sampleInput) || before == 0) return InputNode;
        return names[before - 1];
    }

    static List<(string Path, nn.Module Module)> Leaves(nn.Module model)
    {
        var leaves = model.named_modules().Where(m => !m.module.children().Any()).ToList();
        return leaves.Count > 0 ? leaves : [("", model)];
    }

    static string NodeName(string scope, string path, Dictionary<string, int> uses)
    {
        var name = path.Length == 0 ? scope : scope + "/" + path.Replace('.', '/');
        var used = uses.GetValueOrDefault(name);
        uses[name] = used + 1;
        return used == 0 ? name : $"{name}_{used}"; // a layer called twice gets a second node
    }

    static NodeDef LayerNode(string name, nn.Module module, string device)
    {
        var node = new NodeDef { Name = name, Op = ClassName(module), Device = device };
        foreach (var (parameterName, parameter) in module.named_parameters())
            node.Attr[parameterName] = new AttrValue { Shape = Shape(parameter.shape) };
        return node;
    }

    static NodeDef IONode(string name, long[] shape, string device)
    {
        var node = new NodeDef { Name = name, Op = IONodeOp, Device = device };
        node.Attr[OutputShapesAttr] = Shapes(shape);
        return node;
    }

    static AttrValue Shapes(long[] shape) => new() { List = new AttrValue.Types.ListValue { Shape = { Shape(shape) } } };

    static TensorShapeProto Shape(long[] shape)
    {
        var proto = new TensorShapeProto();
        proto.Dim.AddRange(shape.Select(size => new TensorShapeProto.Types.Dim { Size = size }));
        return proto;
    }

    static AttrValue Text(string text) => new() { S = Google.Protobuf.ByteString.CopyFromUtf8(text) };

    static string DeviceName(Device device) =>
        device.type == DeviceType.CUDA ? $"/device:CUDA:{Math.Max(device.index, 0)}" : "/device:CPU:0";

    static string ClassName(object module)
    {
        var name = module.GetType().Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
