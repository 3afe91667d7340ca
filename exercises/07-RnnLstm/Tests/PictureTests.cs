using Katas.Kit.Pictures;
using SkiaSharp;

namespace Katas.RnnLstm.Tests;

public class PictureTests
{
    [Fact, Points(1)]
    public void The_picture_shows_the_prediction_on_the_cos_curve()
    {
        Seeding.Seed(0);
        var net = new SinCosNet();
        SinCosTraining.Fit(net, SinCosRecipe.Stable);
        var path = RepoPaths.Output("07-RnnLstm", "sin-cos.png");

        SinCosPlot.Save(net, path);

        using var picture = Plots.Load(path);
        picture.Width.ShouldBe(640);
        picture.Height.ShouldBe(360);
        var prediction = Where(picture, SinCosPlot.Prediction);
        Where(picture, SinCosPlot.Input).Count.ShouldBeGreaterThan(300, "the input sin is drawn");
        prediction.Count.ShouldBeGreaterThan(300, "the prediction is drawn");
        // The thick red target runs under the blue prediction: where the fit is good, red shows
        // right beside every blue pixel. (Not in the first window, the warm-up: see README step 8.)
        var onTarget = prediction.Count(p => NearColour(picture, p, SinCosPlot.Target, radius: 4)) / (double)prediction.Count;
        onTarget.ShouldBeGreaterThan(0.8, "the prediction should lie on the cos curve almost everywhere (a trained net scores ~0.93 here)");
    }

    static List<(int X, int Y)> Where(SKBitmap picture, SKColor colour)
    {
        var found = new List<(int, int)>();
        for (var y = 0; y < picture.Height; y++)
            for (var x = 0; x < picture.Width; x++)
                if (picture.GetPixel(x, y) == colour) found.Add((x, y));
        return found;
    }

    static bool NearColour(SKBitmap picture, (int X, int Y) p, SKColor colour, int radius)
    {
        for (var dy = -radius; dy <= radius; dy++)
            for (var dx = -radius; dx <= radius; dx++)
                if (p.X + dx >= 0 && p.X + dx < picture.Width && p.Y + dy >= 0 && p.Y + dy < picture.Height
                    && picture.GetPixel(p.X + dx, p.Y + dy) == colour)
                    return true;
        return false;
    }
}
