namespace Katas.TrainingDiagnostics;

/// <summary>Step 7: names the bug planted in a training program, from the outside.</summary>
public static class Detective
{
    public static Bug Diagnose(TrainingProgram program)
    {
        var setup = program.Setup;
        var (x, y) = setup.Batch(0);

        // 1. The data as the network receives it, after the pipeline: normalised inputs sit around
        //    0 with a spread of about 1.
        var (mean, std) = (x.mean().to(float64).item<double>(), x.std().to(float64).item<double>());
        if (Math.Abs(mean) > 1 || std > 3 || std < 0.3) return Bug.UnnormalisedInputs;

        // 2. With sane data and a fresh model, the program's own loss must start near ln C.
        if (!InitialLoss.Check(setup.Model, x, y, setup.Classes, setup.Loss).Sane) return Bug.WrongLoss;

        // 3. The program's own loop, evaluation included: is the model still training afterwards?
        program.Train(TrainingProgram.EvaluateEvery);
        if (setup.Model.modules().Prepend(setup.Model).Any(m => !m.training)) return Bug.EvalNeverUndone;

        // 4. Data, loss and mode look right: a model that cannot learn one batch by heart through
        //    the program's own pipeline is being shown pairs that change.
        if (!OverfitOneBatch.Run(setup).Memorised) return Bug.LabelsShuffledApart;
        return Bug.None;
    }
}
