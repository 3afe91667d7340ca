using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard.Tests;

/// <summary>One short training run (300 steps of 64 images), logged to out/04-TensorBoard/runs/training and read back.</summary>
public class FitTests
{
    const int Steps = 300;

    sealed record Result(Cnn Model, float[] Losses, EventAccumulator Log);

    // Trained once, read by every test here. (A failure is kept too, so each test reports it.)
    static readonly Lazy<Result> Run = new(() =>
    {
        var logDir = Runs.Fresh("training");
        Seeding.Seed(0);
        var model = new Cnn().to(TestDevice.Current);
        float[] losses;
        using (var writer = new SummaryWriter(logDir))
            losses = Training.Fit(model, writer, Runs.OnDevice(Runs.Train), Runs.OnDevice(Runs.HeldOut), Steps);
        return new Result(model, losses, EventAccumulator.Load(logDir));
    });

    [Fact, Points(2), Step(4)]
    public void Fit_logs_Train_Loss_at_every_step_and_returns_the_same_losses()
    {
        var (_, losses, log) = Run.Value;

        losses.Length.ShouldBe(Steps);
        var points = log.Scalars("Train/Loss");
        points.Select(p => p.Step).ShouldEqualInOrder(Enumerable.Range(0, Steps).Select(s => (long)s), "add_scalar(\"Train/Loss\", loss, step) at every step 0..299");
        points.Select(p => p.Value).ShouldEqualInOrder(losses, "the logged loss of each step is the loss Fit returns for it");
    }

    [Fact, Points(2), Step(4)]
    public void Fit_logs_Train_Accuracy_every_50_steps_and_it_rises()
    {
        var points = Run.Value.Log.Scalars("Train/Accuracy");

        points.Select(p => p.Step).ShouldBe([0L, 50, 100, 150, 200, 250], "the accuracy is measured when step % 50 == 0");
        points.ShouldAllBe(p => p.Value >= 0 && p.Value <= 1, "an accuracy is a share between 0 and 1");
        // Seeds 0-9 (README): 0.10-0.29 at step 0, 0.905-0.938 at step 250.
        points[^1].Value.ShouldBeGreaterThan(0.85f, "after 250 steps the CNN reads most held-out digits right");
        points[^1].Value.ShouldBeGreaterThan(points[0].Value + 0.4f, "the accuracy curve should rise");
    }

    [Fact, Points(2), Step(4)]
    public void The_logged_loss_falls_while_training()
    {
        var losses = Run.Value.Log.Scalars("Train/Loss").Select(p => p.Value).ToArray();

        // Seeds 0-9 (README): the last 50 losses averaged 0.13-0.19 of the first 50.
        losses[^50..].Average().ShouldBeLessThan(0.35f * losses[..50].Average(), "the mean loss of the last 50 steps should be far below that of the first 50");
    }

    [Fact, Points(2), Step(4)]
    public void After_300_steps_the_model_classifies_at_least_88_percent_of_held_out_digits()
    {
        var model = Run.Value.Model;
        var heldOut = Runs.OnDevice(Runs.HeldOut);

        model.ShouldBeOn(TestDevice.Current, "Fit trains the model where the test put it (KATAS_DEVICE)");
        // Seeds 0-9 (README): 92.6-95.3 % of the 1000 held-out images.
        Training.Accuracy(model, heldOut.Images, heldOut.Labels).ShouldBeGreaterThanOrEqualTo(0.88);
    }
}
