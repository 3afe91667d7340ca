namespace Katas.SimpleClassifier.Tests;

public class ClustersTests
{
    [Fact, Points(1), Step(1)]
    public void Make_returns_2N_points_with_2_features_and_2N_labels()
    {
        var (x, y) = Clusters.Make(perClass: 100, seed: 0);

        x.shape.ShouldBe([200L, 2L], "X holds every point: [2 * perClass, 2]");
        x.dtype.ShouldBe(float32, "Linear layers work on float32");
        y.shape.ShouldBe([200L], "Y holds one label per point");
        y.dtype.ShouldBe(int64, "CrossEntropyLoss wants class indices as int64");
    }

    [Fact, Points(1), Step(1)]
    public void Labels_are_perClass_zeros_then_perClass_ones()
    {
        var (_, y) = Clusters.Make(perClass: 50, seed: 0);

        y[..50].sum().item<long>().ShouldBe(0, "the first half is class 0");
        y[50..].sum().item<long>().ShouldBe(50, "the second half is class 1");
    }

    [Fact, Points(2), Step(1)]
    public void Class_0_is_centred_on_2_2_and_class_1_on_minus_2_minus_2_with_spread_1()
    {
        var (x, _) = Clusters.Make(perClass: 2000, seed: 1);
        var class0 = x[..2000];
        var class1 = x[2000..];

        // With 2000 points, a mean is off by about 1/sqrt(2000) = 0.02; 0.1 leaves a wide margin.
        const string normal = "draw with torch.randn (normal: mean 0, standard deviation 1), then shift; " +
                              "torch.rand is uniform on [0, 1): its points centre on 0.5 and spread only 0.29";
        var mean0 = class0.mean([0]).data<float>().ToArray();
        var mean1 = class1.mean([0]).data<float>().ToArray();
        mean0.ShouldAllBe(m => Math.Abs(m - 2f) < 0.1f, $"class 0 should centre on (2, 2) but centres on ({mean0[0]:F2}, {mean0[1]:F2}): {normal}");
        mean1.ShouldAllBe(m => Math.Abs(m + 2f) < 0.1f, $"class 1 should centre on (-2, -2) but centres on ({mean1[0]:F2}, {mean1[1]:F2}): {normal}");
        class0.std(0).data<float>().ToArray().ShouldAllBe(s => Math.Abs(s - 1f) < 0.1f, $"each coordinate has standard deviation 1: {normal}");
    }

    [Fact, Points(1), Step(1)]
    public void The_same_seed_gives_the_same_points_and_another_seed_other_points()
    {
        var (a, _) = Clusters.Make(perClass: 20, seed: 7);
        var (b, _) = Clusters.Make(perClass: 20, seed: 7);
        var (c, _) = Clusters.Make(perClass: 20, seed: 8);

        a.ShouldEqual(b, "the seed fixes the data: use a torch.Generator seeded with it");
        a.allclose(c).ShouldBeFalse("another seed gives other points");
    }
}
