using Katas.Kit.Data;
using Katas.Kit.TensorBoard;
using static TorchSharp.torch.optim;

namespace Katas.TensorBoard.Tests;

/// <summary>
/// Fit on a handful of random images, checked step by step against a loop written out here: which
/// batch each step trains on, which optimizer takes the steps, and what is logged when. Seconds,
/// where <see cref="FitTests"/> trains on MNIST to see the curves a real run draws.
/// </summary>
public class FitStepTests
{
    const int BatchSize = 8;

    // 20 images hold 2 whole batches of 8: steps 0, 1, 2, 3 train on images 0-7, 8-15, 0-7, 8-15.
    static (Cnn Model, MnistSplit Train, MnistSplit HeldOut) Setup(int seed)
    {
        Seeding.Seed(seed);
        var device = TestDevice.Current; // drawn on the CPU, then moved: the same numbers on every device
        var train = new MnistSplit(torch.rand(20, 1, 28, 28).to(device), torch.randint(0, 10, [20]).to(device));
        var heldOut = new MnistSplit(torch.rand(6, 1, 28, 28).to(device), torch.randint(0, 10, [6]).to(device));
        return (new Cnn().to(device), train, heldOut);
    }

    static Cnn CopyOf(Cnn model)
    {
        var copy = new Cnn().to(TestDevice.Current);
        copy.load_state_dict(model.state_dict());
        return copy;
    }

    static (Tensor Images, Tensor Labels) Batch(MnistSplit train, int step)
    {
        var start = step % (int)(train.Count / BatchSize) * BatchSize;
        return (train.Images[start..(start + BatchSize)], train.Labels[start..(start + BatchSize)]);
    }

    [Fact, Points(2), Step(4)]
    public void Fit_trains_step_s_on_the_images_from_s_times_batchSize_wrapping_around_at_the_end()
    {
        var (model, train, heldOut) = Setup(11);
        var reference = CopyOf(model);

        // Learning rate 0: the parameters stay where they are, so each step's loss says which batch it saw.
        float[] losses;
        using (var writer = new SummaryWriter(Runs.Fresh("fit-batches")))
        {
            try
            {
                losses = Training.Fit(model, writer, train, heldOut, steps: 4, BatchSize, learningRate: 0);
            }
            catch (System.Runtime.InteropServices.ExternalException e)
            {
                throw new ShouldAssertException(
                    $"Fit failed inside libtorch ({e.Message.Split('\n')[0]}), on a batch that came out empty or short: step s takes the images " +
                    $"[s * batchSize, (s + 1) * batchSize), wrapping around at the end of the data ({train.Count} images hold 2 batches of {BatchSize})");
            }
        }

        losses.Length.ShouldBe(4, "Fit returns one loss per step");
        reference.train();
        for (var step = 0; step < 4; step++)
        {
            var (images, labels) = Batch(train, step);
            using var expected = nn.functional.cross_entropy(reference.forward(images), labels);
            losses[step].ShouldBe(expected.item<float>(), 1e-4f,
                $"step {step} should train on images [{step % 2 * BatchSize}, {step % 2 * BatchSize + BatchSize}): step s takes the batch " +
                $"[s * batchSize, (s + 1) * batchSize), wrapping around at the end of the data ({train.Count} images hold 2 batches of {BatchSize})");
        }
    }

    [Fact, Points(2), Step(4)]
    public void Fit_takes_its_steps_with_one_Adam_optimizer_made_once_with_the_given_learning_rate()
    {
        const double lr = 0.01;
        var (model, train, heldOut) = Setup(12);
        var reference = CopyOf(model);

        using (var writer = new SummaryWriter(Runs.Fresh("fit-optimizer")))
            Training.Fit(model, writer, train, heldOut, steps: 4, BatchSize, learningRate: lr);

        using var adam = Adam(reference.parameters(), lr);
        reference.train();
        for (var step = 0; step < 4; step++)
        {
            var (images, labels) = Batch(train, step);
            adam.zero_grad();
            nn.functional.cross_entropy(reference.forward(images), labels).backward();
            adam.step();
        }
        var expected = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in model.named_parameters())
            parameter.ShouldBeClose(expected[name], rtol: 1e-3, atol: 1e-5,
                $"after 4 steps, {name} should be where Adam(model.parameters(), learningRate), created once before the loop, takes it. " +
                "A new optimizer per step forgets Adam's running averages; a learning rate left out is Adam's default 0.001. " +
                "(If Fit_trains_step_s_on_the_images_... fails too, fix the batches first.)");
    }

    [Fact, Points(2), Step(4)]
    public void Fit_logs_the_loss_of_every_step_and_the_held_out_accuracy_every_50_steps()
    {
        var (model, train, _) = Setup(13);
        // Held-out labels that the model gets all right: a logged accuracy of 1 says it was measured on them.
        using var heldOutImages = torch.rand(6, 1, 28, 28).to(TestDevice.Current);
        Tensor agreeing;
        using (torch.no_grad())
            agreeing = model.forward(heldOutImages).argmax(1);
        var heldOut = new MnistSplit(heldOutImages, agreeing);
        var logDir = Runs.Fresh("fit-logging");

        // Learning rate 0: the model (and so its held-out accuracy) stays as it is.
        float[] losses;
        using (var writer = new SummaryWriter(logDir))
            losses = Training.Fit(model, writer, train, heldOut, steps: 51, BatchSize, learningRate: 0);

        var log = EventAccumulator.Load(logDir);
        var loss = log.Scalars("Train/Loss");
        loss.Select(p => p.Step).ShouldEqualInOrder(Enumerable.Range(0, 51).Select(s => (long)s),
            "add_scalar(\"Train/Loss\", loss, step) at every step 0..50, with the step as its third argument");
        loss.Select(p => p.Value).ShouldEqualInOrder(losses, "the logged loss of each step is the loss Fit returns for it");
        var accuracy = log.Scalars("Train/Accuracy");
        accuracy.Select(p => p.Step).ShouldEqualInOrder([0L, 50], "the accuracy is measured when step % 50 == 0: steps 0 and 50 of 0..50");
        var wrong = accuracy.Where(p => p.Value != 1f).ToList();
        if (wrong.Count > 0)
            throw new ShouldAssertException(
                $"the accuracy logged at step {wrong[0].Step} is {wrong[0].Value}, but this model classifies every held-out image right: " +
                "log Accuracy(model, heldOut.Images, heldOut.Labels), measured on the held-out images, not on the training batch");
    }
}
