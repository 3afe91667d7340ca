using Katas.Kit.Pictures;

namespace Katas.MnistCnn.Tests;

public class GalleryTests
{
    /// <summary>Gallery.Pick, with a failure inside libtorch put in words (the usual cause: nonzero's [K, 1]).</summary>
    static Tensor Pick(Tensor predicted, Tensor labels, int first, int mistakes)
    {
        try
        {
            return Gallery.Pick(predicted, labels, first, mistakes);
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            throw new ShouldAssertException(
                $"Gallery.Pick failed inside libtorch ({e.Message.Split('\n')[0].Trim()}). For a 1-D mask, nonzero() gives a column " +
                "[K, 1], one row per true element; squeeze(1) makes it the 1-D [K] that torch.cat can join to the first indices " +
                "(README step 8).");
        }
    }

    [Fact, Points(2), Step(8)]
    public void Pick_takes_the_first_digits_then_the_mistakes()
    {
        using var predicted = torch.tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 });
        using var labels = torch.tensor(new long[] { 0, 9, 2, 3, 9, 9, 6, 9 }); // wrong at 1, 4, 5, 7

        using var picked = Pick(predicted, labels, first: 3, mistakes: 2);

        picked.dtype.ShouldBe(int64, "indices for index_select are int64");
        picked.data<long>().ToArray().ShouldBe([0L, 1L, 2L, 1L, 4L],
            "the first 3 indices (0, 1, 2), then the indices of the first 2 mistakes (1, 4): predicted.ne(labels).nonzero()");
    }

    [Fact, Points(1), Step(8)]
    public void Pick_takes_only_the_mistakes_there_are()
    {
        using var predicted = torch.tensor(new long[] { 5, 5, 5, 5 });
        using var labels = torch.tensor(new long[] { 5, 0, 5, 5 }); // one mistake, at 1
        using var perfect = torch.tensor(new long[] { 5, 5, 5, 5 });

        using var some = Pick(predicted, labels, first: 2, mistakes: 10);
        using var none = Pick(predicted, perfect, first: 2, mistakes: 10);

        some.data<long>().ToArray().ShouldBe([0L, 1L, 1L], "asking for 10 mistakes when there is 1 gives that 1");
        none.data<long>().ToArray().ShouldBe([0L, 1L], "a perfect score has no mistakes to show");
    }

    [Fact, Points(2), Step(9)]
    public void The_gallery_png_shows_the_first_32_test_digits_then_the_mistakes_framed_by_right_and_wrong()
    {
        var run = TrainedCnn.Get();
        var path = RepoPaths.Output("02-MnistCnn", "gallery.png");
        File.Delete(path);

        Gallery.Save(path, run.Test.Images, run.Predicted, run.Test.Labels);

        // What the picture should show, worked out here independently of Gallery.Pick.
        var predicted = run.Predicted.data<long>().ToArray();
        var labels = run.Test.Labels.data<long>().ToArray();
        var mistakes = Enumerable.Range(0, labels.Length).Where(i => predicted[i] != labels[i]).Take(32);
        var shown = Enumerable.Range(0, 32).Concat(mistakes).ToArray();

        using var picture = Plots.Load(path);
        var (width, height) = DigitGrid.SizeOf(shown.Length);
        (picture.Width, picture.Height).ShouldBe((width, height), $"the grid should hold {shown.Length} tiles: 32 digits and the first {shown.Length - 32} mistakes");
        for (var tile = 0; tile < shown.Length; tile++)
        {
            var index = shown[tile];
            var (x, y) = DigitGrid.TileOrigin(tile);
            var expectedFrame = predicted[index] == labels[index] ? DigitGrid.Right : DigitGrid.Wrong;
            picture.GetPixel(x + 1, y + 1).ShouldBe(expectedFrame, $"tile {tile} shows test digit {index}, predicted {predicted[index]}, labelled {labels[index]}");
            // The centre pixel of the digit is the image's own pixel (14, 14), drawn in grey levels.
            var (px, py) = DigitGrid.PixelOrigin(tile, 14, 14);
            var ink = (byte)Math.Round(run.Test.Images[index, 0, 14, 14].item<float>() * 255);
            picture.GetPixel(px, py).Red.ShouldBe(ink, $"tile {tile} should show the image of test digit {index}: select images with the picked indices");
        }
    }
}
