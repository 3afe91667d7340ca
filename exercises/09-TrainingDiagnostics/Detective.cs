namespace Katas.TrainingDiagnostics;

/// <summary>Step 7: names the bug planted in a training program, from the outside.</summary>
public static class Detective
{
    /// <summary>
    /// Examines <paramref name="program"/> with the checks of steps 1 to 6 (it may train it) and
    /// returns the bug planted in it, or <see cref="Bug.None"/> for a healthy program.
    /// </summary>
    public static Bug Diagnose(TrainingProgram program)
    {
        // TODO 7 — Debugging a training run is an investigation: every symptom has several suspects,
        //  and a check that runs before the others can clear one of them. Decide which check rules out
        //  which bug, then put them in an order where each verdict is the only explanation left
        //  (README step 7).
        throw new NotImplementedException("TODO 7: name the planted bug (Detective.Diagnose). See README step 7.");
    }
}
