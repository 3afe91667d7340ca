namespace Katas.Layers.Tests;

public class PoolingTests
{
    // A 4x4 image whose 2x2 windows are easy to read:
    //    1  2 |  5  6
    //    3  4 |  7  8
    //   ------+------
    //    9 10 | 13 14
    //   11 12 | 15 16
    static Tensor Image() => torch.tensor(new float[] { 1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16 }).reshape(1, 1, 4, 4);

    [Fact, Points(2), Step(3)]
    public void MaxPool2d_keeps_the_largest_value_of_each_window()
    {
        using var pooled = Pooling.MaxPool2d(Image(), kernel: 2);

        pooled.ShouldEqual(torch.tensor(new float[] { 4, 8, 12, 16 }).reshape(1, 1, 2, 2), "the maximum of each 2x2 window");
    }

    [Fact, Points(2), Step(4)]
    public void AvgPool2d_keeps_the_mean_of_each_window()
    {
        using var pooled = Pooling.AvgPool2d(Image(), kernel: 2);

        pooled.ShouldEqual(torch.tensor(new float[] { 2.5f, 6.5f, 10.5f, 14.5f }).reshape(1, 1, 2, 2), "the mean of each 2x2 window: (1+2+3+4)/4 = 2.5 ...");
    }

    [Fact, Points(2), Step(4)]
    public void Pooling_matches_TorchSharp_and_drops_leftover_rows_and_columns()
    {
        Seeding.Seed(0);
        using var x = torch.randn(2, 3, 9, 7);

        foreach (var k in new[] { 2, 3 })
        {
            Pooling.MaxPool2d(x, k).ShouldBeClose(nn.functional.max_pool2d(x, k), customMessage: $"MaxPool2d({k}) on 9x7 (stride = kernel)");
            Pooling.AvgPool2d(x, k).ShouldBeClose(nn.functional.avg_pool2d(x, k), customMessage: $"AvgPool2d({k}) on 9x7 (stride = kernel)");
        }
    }

    [Fact, Points(2), Step(5)]
    public void AdaptiveBins_splits_the_input_into_overlapping_bins_by_hand()
    {
        Pooling.AdaptiveBins(4, 2).ShouldBe([(0L, 2L), (2L, 4L)], "4 into 2: even halves");
        Pooling.AdaptiveBins(5, 3).ShouldBe([(0L, 2L), (1L, 4L), (3L, 5L)],
            "5 into 3: bin i is [floor(i*5/3), ceil((i+1)*5/3)) = [0,2), [1,4), [3,5): bins overlap when sizes do not divide");
        Pooling.AdaptiveBins(3, 6).ShouldBe([(0L, 1L), (0L, 1L), (1L, 2L), (1L, 2L), (2L, 3L), (2L, 3L)],
            "3 into 6: each input position is repeated");
    }

    [Fact, Points(2), Step(6)]
    public void AdaptiveAvgPool2d_gives_the_requested_size_whatever_the_input_size()
    {
        using var pooled = Pooling.AdaptiveAvgPool2d(Image(), outputHeight: 1, outputWidth: 2);

        pooled.ShouldEqual(torch.tensor(new float[] { 6.5f, 10.5f }).reshape(1, 1, 1, 2),
            "one row of two bins: the mean of the left half (1..4, 9..12) and of the right half");
    }

    [Fact, Points(2), Step(6)]
    public void AdaptiveAvgPool2d_matches_TorchSharp()
    {
        Seeding.Seed(1);
        using var x = torch.randn(2, 3, 7, 10);

        foreach (var (h, w) in new[] { (1L, 1L), (3L, 3L), (7L, 4L), (5L, 6L) })
            Pooling.AdaptiveAvgPool2d(x, h, w).ShouldBeClose(nn.functional.adaptive_avg_pool2d(x, [h, w]), rtol: 1e-5, atol: 1e-6,
                $"AdaptiveAvgPool2d to {h}x{w} from 7x10: the mean over bins from AdaptiveBins, rows from x.shape[2] (7) and columns from x.shape[3] (10)");
    }
}
