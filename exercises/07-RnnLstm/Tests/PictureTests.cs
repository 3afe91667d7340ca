using Katas.Kit.Pictures;

namespace Katas.RnnLstm.Tests;

public class PictureTests
{
    [Fact, Points(1), Step(8)]
    public void The_picture_shows_the_prediction_on_the_cos_curve()
    {
        Seeding.Seed(0);
        var net = new SinCosNet();
        using (TorchThreads.Limit(1)) // a tiny RNN: see README, "How the thresholds were chosen"
            SinCosTrainingTests.Fit(net, SinCosRecipe.Stable);
        var path = RepoPaths.Output("07-RnnLstm", "sin-cos.png");

        SinCosPlot.Save(net, path);

        using var picture = Plots.Load(path);
        picture.Width.ShouldBe(640);
        picture.Height.ShouldBe(360);
        var prediction = picture.PixelsOf(SinCosPlot.Prediction);
        picture.PixelsOf(SinCosPlot.Input).Count.ShouldBeGreaterThan(300, "the input sin is drawn");
        prediction.Count.ShouldBeGreaterThan(300, "the prediction is drawn");
        // The thick red target runs under the blue prediction: where the fit is good, red shows
        // right beside every blue pixel. (Not in the first window, the warm-up: see README step 8.)
        var onTarget = prediction.Count(p => picture.HasNear(p, SinCosPlot.Target, radius: 4)) / (double)prediction.Count;
        onTarget.ShouldBeGreaterThan(0.8, "the prediction should lie on the cos curve almost everywhere (a trained net scores ~0.93 here)");
    }
}
