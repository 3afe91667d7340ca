using Katas.Kit.Pictures;
using SkiaSharp;

namespace Katas.RnnLstm;

/// <summary>
/// Given to you (not an exercise): the tutorial's picture. It draws the sweep of
/// <see cref="SinCosTraining.Sweep"/>: the input sin (grey), the target cos (red, thick) and your
/// network's prediction (blue, on top). A good fit hides the red curve under the blue one.
/// </summary>
public static class SinCosPlot
{
    public static readonly SKColor Input = new(0xB0, 0xB0, 0xB0);
    public static readonly SKColor Target = new(0xC6, 0x28, 0x28);
    public static readonly SKColor Prediction = new(0x1E, 0x4F, 0xC2);

    public static void Save(SinCosNet model, string path, int windows = 8)
    {
        using var scope = torch.NewDisposeScope();
        var (t, sin, cos, prediction) = SinCosTraining.Sweep(model, windows);
        var x = Floats(t);
        LinePlots.Save(path,
        [
            new("sin (input)", x, Floats(sin), Input),
            new("cos (target)", x, Floats(cos), Target, Width: 6),
            new("prediction", x, Floats(prediction), Prediction),
        ]);
    }

    static float[] Floats(Tensor values) => values.detach().cpu().to(float32).data<float>().ToArray();
}
