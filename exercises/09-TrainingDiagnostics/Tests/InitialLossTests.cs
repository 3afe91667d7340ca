using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.TrainingDiagnostics.Tests;

public class InitialLossTests
{
    static (Tensor X, Tensor Y) Batch(int seed)
    {
        var (images, labels) = SyntheticDigits.Make(perClass: 20, seed);
        return (((images - images.mean()) / images.std()).to(TestDevice.Current), labels.to(TestDevice.Current));
    }

    static TwoLayer Fresh(int seed, int width = 32)
    {
        Seeding.Seed(seed);
        var model = new TwoLayer(width);
        model.to(TestDevice.Current);
        return model;
    }

    static double CrossEntropy(Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        using var _ = torch.no_grad();
        return functional.cross_entropy(model.forward(x), y).to(float64).item<double>();
    }

    [Fact, Points(1), Step(1)]
    public void Expected_is_the_natural_log_of_the_number_of_classes()
    {
        InitialLoss.Expected(10).ShouldBe(2.302585, 1e-6,
            "a classifier that gives every one of C classes probability 1/C has cross-entropy -ln(1/C) = ln C: 2.303 for ten classes (natural log, not log10)");
        InitialLoss.Expected(2).ShouldBe(0.693147, 1e-6);
        InitialLoss.Expected(1000).ShouldBe(6.907755, 1e-6);
        Should.Throw<ArgumentOutOfRangeException>(() => InitialLoss.Expected(1), "one class is not a classification: there is nothing to be unsure about");
    }

    [Fact, Points(2), Step(1)]
    public void A_fresh_classifier_on_balanced_classes_starts_near_ln_C_and_is_sane()
    {
        var (x, y) = Batch(0);
        var model = Fresh(0);
        var reference = CrossEntropy(model, x, y);

        var check = InitialLoss.Check(model, x, y, classes: 10);

        check.Expected.ShouldBe(Math.Log(10), 1e-9);
        check.Loss.ShouldBe(reference, 1e-4, "Loss is the cross-entropy of the model's raw scores on this batch");
        check.Sane.ShouldBeTrue($"a fresh classifier's loss {check.Loss:F3} is within 20 % of ln 10 = 2.303: that is a sane start");
    }

    [Fact, Points(2), Step(1)]
    public void A_last_layer_initialised_too_large_is_not_sane()
    {
        var (x, y) = Batch(1);
        var model = Fresh(1);
        using (torch.no_grad()) model.output.weight!.mul_(20); // confident from the start, about nothing

        var check = InitialLoss.Check(model, x, y, classes: 10);

        check.Loss.ShouldBe(CrossEntropy(model, x, y), 1e-3, "Loss is the cross-entropy of the model's raw scores on this batch");
        check.Sane.ShouldBeFalse(
            $"a last layer with 20 times its usual weights makes confident guesses before learning anything: the loss is {check.Loss:F2}, " +
            "far above ln 10 = 2.303. Sane means |loss - ln C| <= tolerance * ln C, a band on both sides (README step 1).");
    }

    [Fact, Points(2), Step(1)]
    public void A_loss_far_below_ln_C_before_training_is_not_sane_either()
    {
        // The labels leaked into the inputs (a column left in the features): the untrained network
        // "knows" the answers, which no honest initialisation can.
        Seeding.Seed(2);
        var y = torch.arange(10, dtype: int64).repeat(4).to(TestDevice.Current);
        var x = functional.one_hot(y, 10).to(float32) * 3;
        var model = Linear(10, 10);
        using (torch.no_grad()) { model.weight!.copy_(torch.eye(10)); model.bias!.zero_(); }
        model.to(TestDevice.Current);

        var check = InitialLoss.Check(model, x, y, classes: 10);

        check.Loss.ShouldBeLessThan(1.0, "the leaked labels make the loss small");
        check.Sane.ShouldBeFalse(
            $"a loss of {check.Loss:F2} before any training, far below ln 10 = 2.303, means the network sees the answers: the check " +
            "is a band on both sides of ln C, not only a ceiling (compare the distance |loss - ln C|, README step 1)");
    }

    [Fact, Points(1), Step(1)]
    public void The_check_measures_the_loss_it_is_given()
    {
        var (x, y) = Batch(3);
        var model = Fresh(3);
        double reference;
        using (torch.no_grad()) reference = functional.nll_loss(model.forward(x), y).to(float64).item<double>();

        var check = InitialLoss.Check(model, x, y, classes: 10, loss: (scores, labels) => functional.nll_loss(scores, labels));

        check.Loss.ShouldBe(reference, 1e-4,
            "with a loss given, measure that loss, not your own cross-entropy: the check is there to test a program's loss too (step 7)");
        check.Sane.ShouldBeFalse("nll_loss on raw scores starts near 0, not near ln 10");
    }

    [Fact, Points(2), Step(1)]
    public void The_check_looks_without_changing_the_model()
    {
        var (x, y) = Batch(4);
        Seeding.Seed(4);
        var model = Sequential(("0", Linear(SyntheticDigits.Pixels, 32)), ("1", BatchNorm1d(32)), ("2", ReLU()), ("3", Linear(32, 10)));
        model.to(TestDevice.Current);
        model.train();
        var before = model.state_dict().ToDictionary(e => e.Key, e => e.Value.clone());

        InitialLoss.Check(model, x, y, classes: 10);

        foreach (var (name, value) in model.state_dict())
            value.ShouldEqual(before[name],
                $"{name} changed: in training mode a forward pass updates BatchNorm's running statistics. Measure in eval mode, " +
                "without gradients: a check looks at the model and leaves it as it found it (README step 1)");
        model.training.ShouldBeTrue("the model was training before the check: switch it back to the mode it was in");
        var leftBehind = model.parameters().Count(p => p.grad is not null && p.grad.count_nonzero().item<long>() > 0);
        leftBehind.ShouldBe(0, "the check left gradients behind: measure under torch.no_grad(), a check computes no backward");

        model.eval();
        InitialLoss.Check(model, x, y, classes: 10);
        model.training.ShouldBeFalse("a model in eval mode stays in eval mode: restore the mode it was in, not always train()");
    }
}
