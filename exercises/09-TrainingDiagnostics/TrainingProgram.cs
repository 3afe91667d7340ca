using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.TrainingDiagnostics;

/// <summary>The classic bugs a <see cref="TrainingProgram"/> can be given, one at a time.</summary>
public enum Bug
{
    /// <summary>No bug: the program trains as it should.</summary>
    None,
    /// <summary>The pipeline hands the network raw pixels (0 to 255) instead of normalised ones.</summary>
    UnnormalisedInputs,
    /// <summary>Images and labels are shuffled with two different permutations: pairs no longer match.</summary>
    LabelsShuffledApart,
    /// <summary>The evaluation switches the model to eval() and never back to train().</summary>
    EvalNeverUndone,
    /// <summary>The loss is nll_loss on raw scores: it expects log-probabilities, so it is the wrong kind.</summary>
    WrongLoss,
}

/// <summary>
/// Given to you (not an exercise): a small training program as a hurried author writes it, with
/// at most one classic bug planted (<see cref="Bug"/>). Which one is hidden: your detective
/// (README step 7) finds out from the outside, with the checks of steps 1 to 6.
/// </summary>
public sealed class TrainingProgram
{
    /// <summary>The program evaluates on its test set after every this many training steps.</summary>
    public const int EvaluateEvery = 10;
    public const int BatchSize = 32;

    readonly Bug _bug;
    readonly Tensor _testX, _testY;
    readonly torch.optim.Optimizer _optimizer;
    int _step;

    /// <summary>A program with <paramref name="bug"/> planted, its data and weights fixed by <paramref name="seed"/>, on <paramref name="device"/> (default: the CPU).</summary>
    public TrainingProgram(Bug bug, int seed, Device? device = null)
    {
        device ??= torch.CPU;
        _bug = bug;
        var (images, labels) = SyntheticDigits.Make(perClass: 40, seed);
        var (testImages, testLabels) = SyntheticDigits.Make(perClass: 20, seed + 1000);
        torch.manual_seed(seed);
        var model = Sequential(("0", Linear(SyntheticDigits.Pixels, 64)), ("1", ReLU()), ("2", Dropout(0.2)), ("3", Linear(64, SyntheticDigits.Classes)));
        model.to(device);
        var (mean, std) = (images.mean(), images.std());
        _testX = (bug == Bug.UnnormalisedInputs ? testImages : (testImages - mean) / std).to(device);
        _testY = testLabels.to(device);
        Setup = new TrainingSetup
        {
            Model = model,
            Batch = bug switch
            {
                Bug.UnnormalisedInputs => TrainingSetup.Pipeline(images, labels, BatchSize, seed, device, normalise: false),
                Bug.LabelsShuffledApart => ShuffledApart(((images - mean) / std).to(device), labels.to(device), seed),
                _ => TrainingSetup.Pipeline(images, labels, BatchSize, seed, device),
            },
            // nll_loss expects log-probabilities; given raw scores it rewards large scores without bound.
            Loss = bug == Bug.WrongLoss ? (scores, y) => functional.nll_loss(scores, y) : (scores, y) => functional.cross_entropy(scores, y),
            Optimizer = parameters => torch.optim.Adam(parameters, 0.01),
        };
        _optimizer = Setup.Optimizer(model.parameters());
    }

    /// <summary>The program's pieces, bug included.</summary>
    public TrainingSetup Setup { get; }

    /// <summary>
    /// The author's training loop: <paramref name="steps"/> steps through the pipeline (carrying on
    /// where the last call stopped), evaluating every <see cref="EvaluateEvery"/> steps. Returns
    /// each step's loss.
    /// </summary>
    public float[] Train(int steps)
    {
        var losses = new float[steps];
        for (var i = 0; i < steps; i++)
        {
            using var scope = torch.NewDisposeScope();
            var (x, y) = Setup.Batch(_step);
            _optimizer.zero_grad();
            var loss = Setup.Loss(Setup.Model.forward(x), y);
            loss.backward();
            _optimizer.step();
            losses[i] = loss.item<float>();
            if (++_step % EvaluateEvery == 0) Evaluate();
        }
        return losses;
    }

    /// <summary>The share of the test set classified right (the author's evaluation).</summary>
    public double Evaluate()
    {
        Setup.Model.eval();
        double accuracy;
        using (torch.no_grad())
            accuracy = Setup.Model.forward(_testX).argmax(1).eq(_testY).to(float64).mean().item<double>();
        if (_bug != Bug.EvalNeverUndone) Setup.Model.train();
        return accuracy;
    }

    // The author shuffles the images and the labels each with a randperm of its own, every time a
    // batch is drawn: the pairs change on every call.
    static Func<int, (Tensor X, Tensor Y)> ShuffledApart(Tensor x, Tensor y, int seed)
    {
        var generator = new torch.Generator((ulong)seed);
        return k =>
        {
            var n = x.shape[0];
            var imageOrder = torch.randperm(n, generator: generator).to(x.device);
            var labelOrder = torch.randperm(n, generator: generator).to(x.device);
            return (x[imageOrder].narrow(0, 0, BatchSize), y[labelOrder].narrow(0, 0, BatchSize));
        };
    }
}
