namespace Katas.RnnLstm;

/// <summary>The regression data: sin(t) goes in, cos(t) should come out.</summary>
public static class SinCos
{
    /// <summary>
    /// One window per stream: stream b covers [starts[b], starts[b] + pi) with
    /// <paramref name="timeSteps"/> evenly spaced points t. X = sin(t), Y = cos(t), both float32
    /// [streams, timeSteps, 1] (batch first; one feature per step), on the device of
    /// <paramref name="starts"/> (a 1-D tensor of start times, one per stream).
    /// </summary>
    public static (Tensor X, Tensor Y) Windows(Tensor starts, int timeSteps = 10)
    {
        // TODO 3 — The data decides what the RNN can learn: a window is half a wave, and window k + 1
        //  starts where window k stopped, so a carried state really continues the same curve. Making
        //  all streams at once by broadcasting (instead of a loop per stream) is how tensor code stays
        //  fast, and making the tensors where the starts live keeps it working on a GPU.
        throw new NotImplementedException("TODO 3: the sin and cos windows (SinCos.Windows). See README step 3.");
    }
}
