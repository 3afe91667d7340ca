using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.TrainingDiagnostics.Tests;

/// <summary>A classifier Linear -> ReLU -> Linear whose hidden layer can be cut off from the gradient.</summary>
internal sealed class TwoLayer : Module<Tensor, Tensor>
{
    public readonly Linear hidden;
    public readonly Linear output;
    readonly bool _detachHidden;

    public TwoLayer(int width, bool detachHidden = false) : base(nameof(TwoLayer))
    {
        hidden = Linear(SyntheticDigits.Pixels, width);
        output = Linear(width, SyntheticDigits.Classes);
        _detachHidden = detachHidden;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var h = hidden.forward(x).relu();
        // The planted bug: a .detach() left in from debugging cuts the graph, so no gradient reaches `hidden`.
        return output.forward(_detachHidden ? h.detach() : h);
    }
}

/// <summary>The training setups the tests hand to the checks: healthy, or with one bug planted.</summary>
internal static class Setups
{
    public const int BatchSize = 32;

    public static (Tensor Images, Tensor Labels) Data(int seed) => SyntheticDigits.Make(perClass: 40, seed);

    public static TrainingSetup Healthy(int seed, int width = 6, double lr = 0.01, bool detachHidden = false, bool freezeHidden = false, bool sgd = false,
        Func<int, (Tensor X, Tensor Y)>? batch = null)
    {
        Seeding.Seed(seed);
        var (images, labels) = Data(seed);
        var model = new TwoLayer(width, detachHidden);
        if (freezeHidden) foreach (var p in model.hidden.parameters()) p.requires_grad = false;
        model.to(TestDevice.Current);
        return new TrainingSetup
        {
            Model = model,
            Batch = batch ?? TrainingSetup.Pipeline(images, labels, BatchSize, seed, TestDevice.Current),
            Loss = (scores, y) => functional.cross_entropy(scores, y),
            Optimizer = parameters => sgd
                ? torch.optim.SGD(parameters.Where(p => p.requires_grad), lr, momentum: 0.9)
                : torch.optim.Adam(parameters.Where(p => p.requires_grad), lr),
        };
    }

    /// <summary>A pipeline whose labels go through a permutation of their own on every call: the pairs never repeat.</summary>
    public static Func<int, (Tensor X, Tensor Y)> ShuffledApart(int seed)
    {
        var (images, labels) = Data(seed);
        var x = ((images - images.mean()) / images.std()).to(TestDevice.Current);
        var y = labels.to(TestDevice.Current);
        var generator = new torch.Generator((ulong)seed);
        return _ =>
        {
            var order = torch.randperm(x.shape[0], generator: generator).narrow(0, 0, BatchSize).to(TestDevice.Current);
            var other = torch.randperm(x.shape[0], generator: generator).narrow(0, 0, BatchSize).to(TestDevice.Current);
            return (x[order], y[other]);
        };
    }
}

/// <summary>Deep networks made to show each gradient problem (step 6).</summary>
internal static class Deep
{
    public const int Width = 64, Depth = 6;

    /// <summary>Depth Linear layers of Width, each but the last followed by <paramref name="activation"/>.</summary>
    public static Sequential Net(int seed, Func<Module<Tensor, Tensor>> activation, double weightScale = 1)
    {
        Seeding.Seed(seed);
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        for (var i = 0; i < Depth; i++)
        {
            var linear = Linear(i == 0 ? SyntheticDigits.Pixels : Width, i == Depth - 1 ? SyntheticDigits.Classes : Width);
            using (torch.no_grad())
            {
                init.kaiming_normal_(linear.weight!, nonlinearity: init.NonlinearityType.ReLU);
                linear.weight!.mul_(weightScale);
                linear.bias!.zero_();
            }
            layers.Add(($"{2 * i}", linear));
            if (i < Depth - 1) layers.Add(($"{2 * i + 1}", activation()));
        }
        var net = Sequential(layers);
        net.to(TestDevice.Current);
        return net;
    }

    public static Sequential Healthy(int seed) => Net(seed, () => ReLU());
    public static Sequential Sigmoids(int seed) => Net(seed, () => Sigmoid(), weightScale: 0.5);
    public static Sequential TooLarge(int seed) => Net(seed, () => ReLU(), weightScale: 3);

    /// <summary>
    /// A ReLU network whose middle hidden layer has its biases far below zero, where one huge update
    /// can push them: its units never fire, and no gradient passes back through it. (The other
    /// biases are small and positive, so that the layers after it still learn from their bias.)
    /// </summary>
    public static Sequential PushedNegative(int seed)
    {
        var net = Healthy(seed);
        using (torch.no_grad())
            foreach (var (name, p) in net.named_parameters())
                if (name.EndsWith(".bias", StringComparison.Ordinal)) p.fill_(name == "4.bias" ? -10.0 : 0.1);
        return net;
    }

    public static (Tensor X, Tensor Y) Batch(int seed)
    {
        var (images, labels) = SyntheticDigits.Make(perClass: 10, seed);
        return (((images - images.mean()) / images.std()).to(TestDevice.Current), labels.to(TestDevice.Current));
    }
}
