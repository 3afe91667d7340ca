using Katas.Kit.TensorBoard;
using Tensorboard;
using TorchSharp.Modules;
using SummaryWriter = Katas.Kit.TensorBoard.SummaryWriter;
using static TorchSharp.torch.nn;

namespace Katas.Kit.Tests.TensorBoard;

public sealed class ModelGraphTests : IDisposable
{
    readonly TempFolder _folder = new("katas-tensorboard-");

    public void Dispose() => _folder.Dispose();

    static NodeDef Node(GraphDef graph, string name) =>
        graph.Node.SingleOrDefault(n => n.Name == name)
        ?? throw new ShouldAssertException($"no node {name}; the nodes are {string.Join(", ", graph.Node.Select(n => n.Name))}");

    static long[] OutputShape(NodeDef node) =>
        node.Attr[ModelGraph.OutputShapesAttr].List.Shape.ShouldHaveSingleItem().Dim.Select(d => d.Size).ToArray();

    static long[] ShapeAttr(NodeDef node, string attr) => node.Attr[attr].Shape.Dim.Select(d => d.Size).ToArray();

    [Fact]
    public void A_sequential_model_is_one_node_per_layer_chained_from_input_to_output()
    {
        var model = Sequential(Conv2d(1, 4, 3), ReLU(), Flatten(), Linear(4 * 6 * 6, 10));

        var graph = ModelGraph.Build(model, torch.randn(2, 1, 8, 8));

        graph.Node.Select(n => n.Name).ShouldBe(["input", "Sequential/0", "Sequential/1", "Sequential/2", "Sequential/3", "output"]);
        graph.Node.Select(n => n.Op).ShouldBe(["IO Node", "Conv2d", "ReLU", "Flatten", "Linear", "IO Node"]);
        graph.Node.Skip(1).Select(n => n.Input.ShouldHaveSingleItem())
            .ShouldBe(["input", "Sequential/0", "Sequential/1", "Sequential/2", "Sequential/3"]);
        OutputShape(Node(graph, "input")).ShouldBe([2L, 1, 8, 8]);
        OutputShape(Node(graph, "Sequential/0")).ShouldBe([2L, 4, 6, 6]);
        OutputShape(Node(graph, "Sequential/2")).ShouldBe([2L, 144]);
        OutputShape(Node(graph, "output")).ShouldBe([2L, 10]);
        ShapeAttr(Node(graph, "Sequential/0"), "weight").ShouldBe([4L, 1, 3, 3]);
        ShapeAttr(Node(graph, "Sequential/0"), "bias").ShouldBe([4L]);
        ShapeAttr(Node(graph, "Sequential/3"), "weight").ShouldBe([10L, 144]);
        Node(graph, "Sequential/1").Attr.Keys.ShouldBe([ModelGraph.OutputShapesAttr], "ReLU has no parameters");
        graph.Node.ShouldAllBe(n => n.Device == "/device:CPU:0");
    }

    sealed class Nested : Module<Tensor, Tensor>
    {
        public readonly Sequential features;
        public readonly Linear head;

        public Nested() : base(nameof(Nested))
        {
            features = Sequential(("conv", Conv2d(1, 2, 3)), ("act", ReLU()));
            head = Linear(2 * 4 * 4, 3);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => head.call(features.call(x).flatten(1));
    }

    [Fact]
    public void Nested_modules_become_name_scopes_and_code_between_layers_is_bridged()
    {
        var graph = ModelGraph.Build(new Nested(), torch.randn(1, 1, 6, 6));

        graph.Node.Select(n => n.Name).ShouldBe(["input", "Nested/features/conv", "Nested/features/act", "Nested/head", "output"]);
        // flatten(1) made a new tensor between the layers: the edge comes from the layer that ran before.
        Node(graph, "Nested/head").Input.ShouldBe(["Nested/features/act"]);
        Node(graph, "output").Input.ShouldBe(["Nested/head"]);
    }

    sealed class Swapped : Module<Tensor, Tensor>
    {
        public readonly Linear a = Linear(4, 3);
        public readonly Linear b = Linear(5, 4);

        public Swapped() : base(nameof(Swapped)) => RegisterComponents();

        public override Tensor forward(Tensor x) => a.call(b.call(x));
    }

    [Fact]
    public void Edges_follow_the_data_flow_not_the_order_the_layers_were_declared_in()
    {
        var graph = ModelGraph.Build(new Swapped(), torch.randn(2, 5));

        graph.Node.Select(n => n.Name).ShouldBe(["input", "Swapped/b", "Swapped/a", "output"]);
        Node(graph, "Swapped/b").Input.ShouldBe(["input"]);
        Node(graph, "Swapped/a").Input.ShouldBe(["Swapped/b"]);
        Node(graph, "output").Input.ShouldBe(["Swapped/a"]);
    }

    sealed class Fork : Module<Tensor, Tensor>
    {
        public readonly Linear left = Linear(3, 2);
        public readonly Linear right = Linear(3, 2);

        public Fork() : base(nameof(Fork)) => RegisterComponents();

        public override Tensor forward(Tensor x) => left.call(x) + right.call(x);
    }

    [Fact]
    public void Two_branches_that_read_the_input_both_start_at_the_input()
    {
        var graph = ModelGraph.Build(new Fork(), torch.randn(2, 3));

        Node(graph, "Fork/left").Input.ShouldBe(["input"]);
        Node(graph, "Fork/right").Input.ShouldBe(["input"], "right reads x itself, not left's output");
    }

    sealed class Branches : Module<Tensor, Tensor>
    {
        public readonly Linear stem = Linear(3, 3);
        public readonly Linear side = Linear(3, 3);
        public readonly Linear main = Linear(3, 3);

        public Branches() : base(nameof(Branches)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            var h = stem.call(x);
            var s = side.call(h);
            return main.call(h) + s;
        }
    }

    [Fact]
    public void A_branch_starts_at_the_layer_whose_output_it_reads_not_at_the_layer_that_ran_last()
    {
        var graph = ModelGraph.Build(new Branches(), torch.randn(2, 3));

        Node(graph, "Branches/side").Input.ShouldBe(["Branches/stem"]);
        Node(graph, "Branches/main").Input.ShouldBe(["Branches/stem"], "main reads h, stem's output, although side ran in between");
    }

    sealed class Twice : Module<Tensor, Tensor>
    {
        public readonly ReLU act = ReLU();
        public readonly Linear lin = Linear(3, 3);

        public Twice() : base(nameof(Twice)) => RegisterComponents();

        public override Tensor forward(Tensor x) => act.call(lin.call(act.call(x)));
    }

    [Fact]
    public void A_layer_called_twice_gets_a_node_per_call()
    {
        var graph = ModelGraph.Build(new Twice(), torch.randn(2, 3));

        graph.Node.Select(n => n.Name).ShouldBe(["input", "Twice/act", "Twice/lin", "Twice/act_1", "output"]);
        Node(graph, "Twice/act_1").Input.ShouldBe(["Twice/lin"]);
        Node(graph, "Twice/act_1").Op.ShouldBe("ReLU");
    }

    sealed class ForwardOnly : Module<Tensor, Tensor>
    {
        public readonly Linear first = Linear(2, 3);
        public readonly Linear second = Linear(3, 1);

        public ForwardOnly() : base(nameof(ForwardOnly)) => RegisterComponents();

        public override Tensor forward(Tensor x) => second.forward(first.forward(x));
    }

    [Fact]
    public void Layers_run_with_forward_are_chained_in_module_order_with_a_note_saying_why()
    {
        var graph = ModelGraph.Build(new ForwardOnly(), torch.randn(4, 2));

        graph.Node.Select(n => n.Name).ShouldBe(["input", "ForwardOnly/first", "ForwardOnly/second", "output"]);
        Node(graph, "ForwardOnly/second").Input.ShouldBe(["ForwardOnly/first"]);
        Node(graph, "output").Input.ShouldBe(["ForwardOnly/second"]);
        OutputShape(Node(graph, "output")).ShouldBe([4L, 1]);
        var note = Node(graph, "ForwardOnly/first").Attr[ModelGraph.NoteAttr].S.ToStringUtf8();
        note.ShouldContain("call(x)");
        Node(graph, "ForwardOnly/first").Attr.ContainsKey(ModelGraph.OutputShapesAttr).ShouldBeFalse("no hook saw its output");
    }

    sealed class Skipping : Module<Tensor, Tensor>
    {
        public readonly Linear used = Linear(2, 2);
        public readonly Linear unused = Linear(2, 5);

        public Skipping() : base(nameof(Skipping)) => RegisterComponents();

        public override Tensor forward(Tensor x) => used.call(x);
    }

    [Fact]
    public void A_layer_that_did_not_run_is_drawn_without_edges_and_with_a_note()
    {
        var graph = ModelGraph.Build(new Skipping(), torch.randn(1, 2));

        var unused = Node(graph, "Skipping/unused");
        unused.Input.ShouldBeEmpty();
        ShapeAttr(unused, "weight").ShouldBe([5L, 2]);
        unused.Attr[ModelGraph.NoteAttr].S.ToStringUtf8().ShouldContain("did not run");
        Node(graph, "output").Input.ShouldBe(["Skipping/used"]);
    }

    [Fact]
    public void A_model_without_children_is_a_single_layer_node()
    {
        var graph = ModelGraph.Build(Linear(3, 2), torch.randn(1, 3));

        graph.Node.Select(n => (n.Name, n.Op)).ShouldBe([("input", "IO Node"), ("Linear", "Linear"), ("output", "IO Node")]);
    }

    [Fact]
    public void The_model_runs_in_eval_mode_without_gradients_and_every_module_gets_its_mode_back()
    {
        var norm = BatchNorm1d(3);
        var dropout = Dropout(0.5);
        var model = Sequential(norm, dropout);
        model.train();
        dropout.eval();

        ModelGraph.Build(model, torch.randn(8, 3) * 5 + 3);

        norm.running_mean!.ShouldEqual(torch.zeros(3), "in eval mode BatchNorm does not update its running statistics");
        model.training.ShouldBeTrue();
        norm.training.ShouldBeTrue();
        dropout.training.ShouldBeFalse("a child that was in eval mode stays in eval mode");
    }

    [Fact]
    public void A_sample_the_model_cannot_take_is_refused_with_its_shape()
    {
        var error = Should.Throw<ArgumentException>(() => ModelGraph.Build(Linear(4, 2), torch.randn(3, 5)));

        error.Message.ShouldContain("[3, 5]");
        error.Message.ShouldContain("Fix: pass an input the model accepts");
    }

    [Fact]
    public void add_graph_writes_a_graph_event_that_reads_back()
    {
        var model = Sequential(Linear(3, 4), ReLU(), Linear(4, 2));
        using (var writer = new SummaryWriter(_folder.File("run")))
            writer.add_graph(model, torch.randn(1, 3));

        var graph = EventAccumulator.Load(_folder.File("run")).Graph();

        graph.Node.Select(n => n.Op).ShouldBe(["IO Node", "Linear", "ReLU", "Linear", "IO Node"]);
        graph.Versions.Producer.ShouldBe(22);
    }
}
