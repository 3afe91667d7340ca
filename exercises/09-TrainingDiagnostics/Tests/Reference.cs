namespace Katas.TrainingDiagnostics.Tests;

/// <summary>What the tests compare against, written out plainly.</summary>
internal static class Reference
{
    /// <summary>Plain training through the pipeline at the setup's own rate; every step's loss.</summary>
    public static float[] Train(TrainingSetup setup, int steps)
    {
        using var opt = setup.Optimizer(setup.Model.parameters());
        setup.Model.train();
        var losses = new float[steps];
        for (var step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var (inputs, labels) = setup.Batch(step);
            opt.zero_grad();
            var value = setup.Loss(setup.Model.forward(inputs), labels);
            value.backward();
            opt.step();
            losses[step] = value.item<float>();
        }
        return losses;
    }
}
