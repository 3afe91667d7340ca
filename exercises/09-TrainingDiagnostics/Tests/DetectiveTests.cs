namespace Katas.TrainingDiagnostics.Tests;

// Calibrated over seeds 0..9 (README): the solution named every planted bug, and no bug in the
// healthy program, for every seed.
public class DetectiveTests
{
    static Bug Diagnose(Bug planted, int seed)
    {
        using var _ = TorchThreads.Limit(1);
        return Detective.Diagnose(new TrainingProgram(planted, seed, TestDevice.Current));
    }

    [Fact, Points(2), Step(7)]
    public void A_healthy_program_is_acquitted()
    {
        Diagnose(Bug.None, seed: 0).ShouldBe(Bug.None,
            "nothing is planted in this program: its batches are normalised, its loss starts at ln 10, it stays in training mode " +
            "and it learns a batch by heart. A check that fires here is too eager (or reads the raw images, not the pipeline's batches)");
    }

    [Fact, Points(2), Step(7)]
    public void Unnormalised_inputs_are_named()
    {
        Diagnose(Bug.UnnormalisedInputs, seed: 1).ShouldBe(Bug.UnnormalisedInputs,
            "the pipeline's batches hold raw pixels, mean about 125 and spread about 100. The loss at init is huge too, but " +
            "that is the symptom: look at the data as the network receives it (a batch of the pipeline) before blaming the loss");
    }

    [Fact, Points(2), Step(7)]
    public void A_loss_of_the_wrong_kind_is_named()
    {
        Diagnose(Bug.WrongLoss, seed: 2).ShouldBe(Bug.WrongLoss,
            "this program's loss is nll_loss on raw scores: at init it is about 0, not ln 10. Measure the program's own loss " +
            "(Setup.Loss) at init: your own cross_entropy would find nothing wrong");
    }

    [Fact, Points(2), Step(7)]
    public void Eval_mode_never_undone_is_named()
    {
        Diagnose(Bug.EvalNeverUndone, seed: 3).ShouldBe(Bug.EvalNeverUndone,
            "this program evaluates every 10 steps and never switches back to train(). Run the program's own loop past an " +
            "evaluation (Train), then look at the model's mode: before the loop it is still training");
    }

    [Fact, Points(3), Step(7)]
    public void Labels_shuffled_apart_from_their_images_are_named()
    {
        Diagnose(Bug.LabelsShuffledApart, seed: 4).ShouldBe(Bug.LabelsShuffledApart,
            "data, loss and mode look right, yet this program cannot learn even one batch by heart: its pipeline pairs images " +
            "and labels anew on each call. Overfit one batch through the program's own pipeline (step 4)");
    }
}
