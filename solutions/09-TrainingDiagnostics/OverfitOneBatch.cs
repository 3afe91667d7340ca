namespace Katas.TrainingDiagnostics;

/// <summary>What <see cref="OverfitOneBatch.Run"/> saw: every step's loss, and whether the batch was learned by heart.</summary>
public sealed record OverfitReport(float[] Losses, bool Memorised);

/// <summary>Step 4: can the program learn one small batch by heart?</summary>
public static class OverfitOneBatch
{
    public static OverfitReport Run(TrainingSetup setup, int steps = 150, double target = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var model = setup.Model;
        using var optimizer = setup.Optimizer(model.parameters());
        model.train();
        var losses = new float[steps];
        for (var k = 0; k < steps; k++)
        {
            using var scope = torch.NewDisposeScope();
            // The same batch every step, and through the real pipeline every time: a pipeline that
            // pairs images and labels differently on each call cannot be learned by heart.
            var (x, y) = setup.Batch(0);
            optimizer.zero_grad();
            var loss = setup.Loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
            losses[k] = loss.item<float>();
        }
        return new OverfitReport(losses, losses.All(float.IsFinite) && losses[^1] < target);
    }
}
