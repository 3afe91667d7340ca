using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard;

/// <summary>The hello world of TensorBoard: the line y = 2x.</summary>
public static class WarmUp
{
    public const string Tag = "y=2x";

    /// <summary>
    /// Logs y = 2x for x = 0, 1, ..., 99 under the tag <see cref="Tag"/> (x is the step: 100 points),
    /// in a new events file in <paramref name="logDir"/> (created if missing), and closes the writer
    /// before returning, so that the file is complete and no longer open.
    /// </summary>
    public static void LogDoubling(string logDir)
    {
        // TODO 1 — A writer is a file you append to: what you log waits in memory until the writer is
        //  flushed or closed, and the file stays open until it is closed. C#'s `using` declaration closes
        //  it when the method ends, whatever happens. The step is what TensorBoard puts on the x axis.
        throw new NotImplementedException("TODO 1: log y = 2x for x = 0..99 and close the writer (WarmUp.LogDoubling). See README step 1.");
    }
}
