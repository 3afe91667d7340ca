using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard.Tests;

public class WarmUpTests
{
    [Fact, Points(2), Step(1)]
    public void LogDoubling_logs_100_points_of_y_equals_2x_at_steps_0_to_99()
    {
        var logDir = Runs.Fresh("warm-up");

        WarmUp.LogDoubling(logDir);

        var points = EventAccumulator.Load(logDir).Scalars("y=2x");
        points.Count.ShouldBe(100, "one add_scalar per x in 0..99");
        points.Select(p => p.Step).ShouldEqualInOrder(Enumerable.Range(0, 100).Select(x => (long)x), "x is the step (the third argument of add_scalar)");
        points.Select(p => p.Value).ShouldEqualInOrder(Enumerable.Range(0, 100).Select(x => 2f * x), "the value is y = 2x");
    }

    [Fact, Points(1), Step(1)]
    public void LogDoubling_closes_its_writer()
    {
        var logDir = Runs.Fresh("warm-up-closed");

        WarmUp.LogDoubling(logDir);

        foreach (var file in Directory.GetFiles(logDir))
        {
            // Only one holder at a time may open a file exclusively: this fails while the writer has it open.
            var free = Record.Exception(() => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None).Dispose());
            free.ShouldBeNull($"{Path.GetFileName(file)} is still open: close the writer when done, best with " +
                              "`using var writer = new SummaryWriter(logDir);` (a writer that is not closed may never write its last events)");
        }
    }
}
