namespace Katas.RnnLstm.Tests;

public class SinCosTests
{
    [Fact, Points(2), Step(3)]
    public void Windows_hold_sin_in_and_cos_out_at_ten_points_per_pi()
    {
        var (x, y) = SinCos.Windows(torch.tensor(new[] { 0f, 1f }), timeSteps: 10);

        x.shape.ShouldBe([2L, 10, 1], "batch_first input: [streams, time steps, 1 feature]");
        y.shape.ShouldBe([2L, 10, 1]);
        var t = 1 + 3 * Math.PI / 10; // stream 1, step 3
        x[1, 3, 0].item<float>().ShouldBe((float)Math.Sin(t), 1e-5f, "step i of a window starting at s is t = s + i * pi / timeSteps");
        y[1, 3, 0].item<float>().ShouldBe((float)Math.Cos(t), 1e-5f, "the target is cos at the same t");
        x[0, 0, 0].item<float>().ShouldBe(0f, 1e-6f, "a window starting at 0 starts at sin(0)");
    }

    [Fact, Points(1), Step(3)]
    public void Every_window_is_pi_long_whatever_its_number_of_points()
    {
        var (ten, _) = SinCos.Windows(torch.tensor(new[] { 0f }), timeSteps: 10);
        var (twenty, _) = SinCos.Windows(torch.tensor(new[] { 0f }), timeSteps: 20);
        var (_, next) = SinCos.Windows(torch.tensor(new[] { (float)Math.PI }), timeSteps: 10);

        twenty[0, 2, 0].item<float>().ShouldBe(ten[0, 1, 0].item<float>(), 1e-5f,
            "a window covers pi: 10 points are pi / 10 apart, 20 points pi / 20 apart");
        twenty[0, 19, 0].item<float>().ShouldBe((float)Math.Sin(19 * Math.PI / 20), 1e-5f, "the last point is one step short of pi");
        next[0, 0, 0].item<float>().ShouldBe(-1f, 1e-5f, "the window starting at pi continues the wave: cos(pi) = -1");
    }

    [Fact, Points(1), Step(3)]
    public void Windows_are_made_on_the_device_of_their_starts()
    {
        var (x, y) = SinCos.Windows(torch.tensor(new[] { 0f, 1f }, device: TestDevice.Current));

        x.ShouldBeOn(TestDevice.Current, "the windows are made where the starts are");
        y.ShouldBeOn(TestDevice.Current);
        // The meta device (shapes, no memory) stands in for a GPU on any machine: offsets made on
        // the CPU cannot be added to starts that live elsewhere.
        var meta = torch.device("meta");
        Tensor onMeta;
        try
        {
            (onMeta, _) = SinCos.Windows(torch.zeros(3, device: meta));
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            throw new ShouldAssertException($"Windows failed for starts that are not on the CPU ({e.Message.Split('\n')[0]}): " +
                "make the offsets on the input's device, torch.arange(timeSteps, dtype: float32, device: starts.device)");
        }
        onMeta.ShouldBeOn(meta);
        onMeta.shape.ShouldBe([3L, 10, 1]);
    }
}
