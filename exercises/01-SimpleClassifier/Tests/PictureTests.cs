using Katas.Kit.Pictures;

namespace Katas.SimpleClassifier.Tests;

public class PictureTests
{
    [Fact, Points(1), Step(7)]
    public void The_decision_picture_is_a_png_that_shows_both_regions()
    {
        Seeding.Seed(0);
        var (x, y) = Clusters.Make(perClass: 100, seed: 0);
        var net = new Net(2, 10, 2);
        Training.Fit(net, x, y, steps: 100);
        var path = RepoPaths.Output("01-SimpleClassifier", "decision-regions.png");

        DecisionPlot.Save(net, x, y, path);

        File.ReadAllBytes(path)[..8].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, "a PNG file starts with its signature");
        using var picture = Plots.Load(path);
        picture.Width.ShouldBe(480);
        picture.Height.ShouldBe(480);
        // The line between the clouds runs across the middle: each region covers a good part.
        var pixels = picture.Pixels;
        var share0 = pixels.Count(p => p == Plots.RegionColors[0]) / (double)pixels.Length;
        var share1 = pixels.Count(p => p == Plots.RegionColors[1]) / (double)pixels.Length;
        share0.ShouldBeInRange(0.25, 0.75, "class 0's region (top right) should cover a good part of the picture");
        share1.ShouldBeInRange(0.25, 0.75, "class 1's region (bottom left) should cover a good part of the picture");
    }
}
