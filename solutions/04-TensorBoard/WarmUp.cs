using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard;

/// <summary>The hello world of TensorBoard: the line y = 2x.</summary>
public static class WarmUp
{
    public const string Tag = "y=2x";

    public static void LogDoubling(string logDir)
    {
        using var writer = new SummaryWriter(logDir); // Dispose = close(): the last events reach the file
        for (var x = 0; x < 100; x++)
            writer.add_scalar(Tag, 2 * x, x);
    }
}
