namespace Katas.TrainingDiagnostics.Tests;

// Calibrated over seeds 0..19 (README, "How the thresholds were chosen"): 200 steps of Adam at
// lr 0.01 on a batch of 32 bring a healthy Linear(64, 12) -> ReLU -> Linear(12, 10) to a loss of
// 0.0005-0.0008; the planted bugs leave it at 0.50 or more. The target is 0.05.
public class OverfitOneBatchTests
{
    const int Steps = 200;

    [Fact, Points(2), Step(4)]
    public void A_healthy_model_and_loop_learn_one_batch_by_heart()
    {
        using var _ = TorchThreads.Limit(1);
        var setup = Setups.Healthy(seed: 0, width: 12);

        var report = OverfitOneBatch.Run(setup, Steps);

        report.Losses.Length.ShouldBe(Steps, "one loss per step");
        report.Losses[0].ShouldBeInRange(1.9f, 2.7f, "the first loss is the untrained model's, about ln 10 = 2.3");
        report.Losses[^1].ShouldBeLessThan(0.05f, "200 steps on the same 32 examples drive a healthy model's loss to almost 0");
        report.Memorised.ShouldBeTrue($"the last loss {report.Losses[^1]:G3} is below the target 0.05: the batch was learned by heart");
        setup.Model.ShouldBeOn(TestDevice.Current);
    }

    [Fact, Points(3), Step(4)]
    public void Labels_shuffled_apart_from_the_images_cannot_be_learned_by_heart()
    {
        using var _ = TorchThreads.Limit(1);
        var setup = Setups.Healthy(seed: 1, width: 12, batch: Setups.ShuffledApart(1));

        var report = OverfitOneBatch.Run(setup, Steps);

        report.Memorised.ShouldBeFalse(
            $"this pipeline pairs images and labels anew on every call, yet your check learned a batch by heart (last loss " +
            $"{report.Losses[^1]:G3}): it drew the batch once and reused it, so it never saw the pipeline misbehave. Ask the pipeline " +
            "for batch 0 at every step: the same batch, through the real pipeline each time (README step 4)");
        report.Losses[^1].ShouldBeGreaterThan(1.5f, "labels that change every step carry no signal: the loss stays near ln 10");
    }

    [Fact, Points(2), Step(4)]
    public void A_frozen_layer_is_caught_though_the_loss_falls()
    {
        using var _ = TorchThreads.Limit(1);
        var setup = Setups.Healthy(seed: 2, width: 12, freezeHidden: true);

        var report = OverfitOneBatch.Run(setup, Steps);

        report.Losses[^1].ShouldBeLessThan(0.5f * report.Losses[0], "the output layer alone still learns something");
        report.Memorised.ShouldBeFalse(
            $"with its hidden layer frozen the model cannot learn the batch by heart: the loss fell from {report.Losses[0]:F2} to " +
            $"{report.Losses[^1]:F2} and stopped there. A falling loss is not the test: memorised means the last loss is below the " +
            "target, close to 0 (README step 4)");
    }

    [Fact, Points(2), Step(4)]
    public void A_detach_left_in_the_forward_pass_is_caught()
    {
        using var _ = TorchThreads.Limit(1);
        var setup = Setups.Healthy(seed: 3, width: 12, detachHidden: true);

        var report = OverfitOneBatch.Run(setup, Steps);

        report.Memorised.ShouldBeFalse(
            $"a .detach() in forward stops every gradient before the hidden layer; the last loss {report.Losses[^1]:F2} is far " +
            "from 0, so the batch was not memorised (README step 4)");
    }

    [Fact, Points(1), Step(4)]
    public void A_learning_rate_a_thousand_times_too_small_is_caught()
    {
        using var _ = TorchThreads.Limit(1);
        var setup = Setups.Healthy(seed: 4, width: 12, lr: 1e-5);

        var report = OverfitOneBatch.Run(setup, Steps);

        report.Memorised.ShouldBeFalse($"at lr 1e-5 the loss only crawls ({report.Losses[0]:F3} -> {report.Losses[^1]:F3}): not memorised");
    }

    [Fact, Points(2), Step(4)]
    public void The_check_trains_with_the_programs_own_pieces()
    {
        using var _ = TorchThreads.Limit(1);
        var healthy = Setups.Healthy(seed: 5, width: 12);
        var asked = new List<int>();
        var lossCalls = 0;
        var optimizers = 0;
        var setup = new TrainingSetup
        {
            Model = healthy.Model,
            Batch = k => { asked.Add(k); return healthy.Batch(k); },
            Loss = (scores, y) => { lossCalls++; return healthy.Loss(scores, y); },
            Optimizer = parameters => { optimizers++; return healthy.Optimizer(parameters); },
        };
        setup.Model.eval();

        OverfitOneBatch.Run(setup, steps: 20);

        asked.ShouldBe(Enumerable.Repeat(0, 20),
            "the check asks the program's pipeline for batch 0 at every step (README step 4): a bug in the pipeline shows only if " +
            "the check goes through it each time");
        lossCalls.ShouldBe(20, "one call of the program's own loss per step: the bug may be in the loss");
        optimizers.ShouldBe(1, "one optimizer, made once with the program's own factory: the bug may be in its kind or rate");
        setup.Model.training.ShouldBeTrue("the check trains: switch the model to train() first");
    }
}
