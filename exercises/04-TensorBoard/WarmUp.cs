using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard;

/// <summary>The hello world of TensorBoard: the line y = 2x.</summary>
public static class WarmUp
{
    public const string Tag = "y=2x";

    /// <summary>
    /// Logs y = 2x for x = 0, 1, ..., 99 under the tag <see cref="Tag"/> (x is the step), in a new
    /// events file in <paramref name="logDir"/>, and closes the writer.
    /// </summary>
    public static void LogDoubling(string logDir)
    {
        // TODO 1 — PyTorch's first TensorBoard program:
        //      writer = SummaryWriter(log_dir)
        //      for i in range(100): writer.add_scalar('y=2x', i * 2, i)
        //      writer.close()
        //  In C#: `using var writer = new SummaryWriter(logDir);` (Katas.Kit.TensorBoard). `using` calls
        //  Dispose() = close() when the method ends, which writes the last events out to the file.
        //  Then writer.add_scalar(Tag, value, step) in a loop.
        throw new NotImplementedException("TODO 1: log y = 2x for x = 0..99 and close the writer (WarmUp.LogDoubling). See README step 1.");
    }
}
