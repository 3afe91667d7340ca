namespace Katas.ParallelData.Tests;

public class AugmentedDigitsTests
{
    static Tensor Data(AugmentedDigits digits, long index) => digits.GetTensor(index)["data"];

    [Fact, Points(1), Step(3)]
    public void An_item_is_a_1x28x28_float_digit_with_its_int64_label()
    {
        var digits = TestData.Digits(count: 20);

        var item = digits.GetTensor(3);

        digits.Count.ShouldBe(20, "Count is the number of digits (PyTorch's __len__)");
        item.Keys.ShouldBe(["data", "label"], ignoreOrder: true, "an item is a dictionary with \"data\" and \"label\", as TorchSharp's DataLoader expects");
        item["data"].shape.ShouldBe([1L, 28, 28]);
        item["data"].dtype.ShouldBe(float32);
        item["label"].dtype.ShouldBe(int64);
        item["label"].item<long>().ShouldBe(TestData.Label(3), "augmentation moves pixels, never the label");
    }

    [Fact, Points(2), Step(3)]
    public void An_item_is_a_distorted_copy_of_its_digit()
    {
        var digits = TestData.Digits(count: 20);

        var augmented = Data(digits, 5);

        // Over 3 000 items (3 seeds, README) the distortion changed some pixel by 0.66 or more, kept
        // 0.72-1.50 of the ink, and put at least 90 % of it within 5 pixels of the original strokes.
        var raw = TestData.RawDigit(5);
        augmented.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f, "interpolating pixels in [0, 1] stays in [0, 1]");
        augmented.max().item<float>().ShouldBeLessThanOrEqualTo(1f + 1e-5f);
        (augmented - raw).abs().max().item<float>().ShouldBeGreaterThan(0.2f, "the item should be distorted (DigitAugmentation.Apply), not the raw digit");
        var nearStrokes = nn.functional.max_pool2d((raw > 0.1f).to(float32).unsqueeze(0), 11, stride: 1, padding: 5).squeeze(0);
        ((augmented * nearStrokes).sum() / augmented.sum()).item<float>().ShouldBeGreaterThan(0.85f,
            "the ink should stay near the original strokes: distort item index's own digit (its 784 pixels start at index * 784)");
        var ink = augmented.sum().item<float>() / raw.sum().item<float>();
        ink.ShouldBeInRange(0.6f, 1.6f, "rotating, shifting and wobbling a digit keeps most of its ink");
    }

    [Fact, Points(3), Step(3)]
    public void An_item_depends_only_on_the_seed_the_epoch_and_its_index_not_on_reading_order()
    {
        var a = TestData.Digits(count: 20, seed: 4);
        var b = TestData.Digits(count: 20, seed: 4);

        var a5 = Data(a, 5);
        var a3 = Data(a, 3);
        var b3 = Data(b, 3); // read in the other order
        var b5 = Data(b, 5);

        a3.ShouldEqual(b3, "item 3 must not depend on what was read before it: make a generator per item, " +
            "seeded from (seed, Epoch, index), instead of sharing one Random (README step 3)");
        a5.ShouldEqual(b5);
        Data(a, 5).ShouldEqual(a5, "reading an item again gives the same item");
    }

    [Fact, Points(2), Step(3)]
    public void Another_epoch_or_another_seed_distorts_the_digit_differently()
    {
        var digits = TestData.Digits(count: 20, seed: 4);
        var epoch0 = Data(digits, 5);
        digits.Epoch = 1;

        var epoch1 = Data(digits, 5);

        var otherSeed = Data(TestData.Digits(count: 20, seed: 5), 5);
        epoch1.allclose(epoch0).ShouldBeFalse("each epoch should see new distortions: the item's generator depends on Epoch");
        otherSeed.allclose(epoch0).ShouldBeFalse("another seed gives other distortions");
    }

    [Fact, Points(2), Step(3)]
    public void Reading_items_from_many_threads_at_once_gives_the_same_items()
    {
        var digits = TestData.Digits(count: 64, seed: 1);
        var sequential = Enumerable.Range(0, 64).Select(i => Data(digits, i)).ToArray();

        var parallel = new Tensor[64];
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Data(digits, i));

        for (var i = 0; i < 64; i++)
            parallel[i].ShouldEqual(sequential[i], $"item {i} read on a worker thread differs: items must share no mutable state (README step 3)");
    }

    [Fact, Points(1), Step(3)]
    public void An_index_outside_the_dataset_is_rejected_with_the_index_and_the_valid_range()
    {
        var digits = TestData.Digits(count: 20);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => digits.GetTensor(20));

        error.Message.ShouldContain("20", customMessage: "say which index was asked for");
        error.Message.ShouldContain("19", customMessage: "say which indices exist (0 to Count - 1)");
    }
}
