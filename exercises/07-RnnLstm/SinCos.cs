namespace Katas.RnnLstm;

/// <summary>The regression data: sin(t) goes in, cos(t) should come out.</summary>
public static class SinCos
{
    /// <summary>
    /// One window per stream: stream b covers [starts[b], starts[b] + pi) with
    /// <paramref name="timeSteps"/> evenly spaced points. X = sin(t), Y = cos(t), both float32
    /// [streams, timeSteps, 1] (batch first; one feature per step).
    /// </summary>
    public static (Tensor X, Tensor Y) Windows(Tensor starts, int timeSteps = 10)
    {
        // TODO 3 — the seed's np.linspace(start, start + pi, TIME_STEP, endpoint=False), for every
        //  stream at once:
        //  (the code itself: hint level 3; new tensors go on the device of `starts`)
        //  then t.sin() and t.cos(), each .unsqueeze(-1) to [B, T, 1].
        throw new NotImplementedException("TODO 3: the sin and cos windows (SinCos.Windows). See README step 3.");
    }
}
