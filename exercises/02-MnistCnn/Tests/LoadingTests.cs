namespace Katas.MnistCnn.Tests;

public class LoadingTests
{
    static long[] LabelsOf(IEnumerable<Dictionary<string, Tensor>> batches) =>
        batches.SelectMany(b => b["label"].data<long>().ToArray()).ToArray();

    /// <summary>An epoch's order holds each of 0 .. count-1 once; a failure names a few missing or repeated items, not the whole list.</summary>
    static void ShouldVisitEachItemOnce(long[] order, int count, string why)
    {
        var missing = Enumerable.Range(0, count).Select(i => (long)i).Except(order).ToList();
        var repeated = order.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (order.Length == count && missing.Count == 0 && repeated.Count == 0) return;
        throw new ShouldAssertException(
            $"{why}: the epoch gave {order.Length} items for {count}; never seen: {Few(missing)}; seen more than once: {Few(repeated)}");
    }

    /// <summary>The order is not 0, 1, 2, ...; a failure says so in one line.</summary>
    static void ShouldBeShuffled(long[] order, string why)
    {
        if (!order.SequenceEqual(Enumerable.Range(0, order.Length).Select(i => (long)i))) return;
        throw new ShouldAssertException($"{why}: the {order.Length} items came in their stored order 0, 1, 2, ..., {order.Length - 1}");
    }

    /// <summary>Two epochs' orders are the same (or, with <paramref name="same"/> false, differ); a failure shows the first difference.</summary>
    static void ShouldBeSameOrder(long[] a, long[] b, bool same, string why)
    {
        if (a.SequenceEqual(b) == same) return;
        var first = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], -1);
        throw new ShouldAssertException(same
            ? $"{why}: the two orders differ first at position {first} ({(first < 0 ? "lengths" : $"{a[first]} and {b[first]}")}), starting {Few(a)} and {Few(b)}"
            : $"{why}: both give the same {a.Length} items in the same order, starting {Few(a)}");
    }

    static string Few(IReadOnlyCollection<long> items) =>
        items.Count == 0 ? "none" : "[" + string.Join(", ", items.Take(6)) + (items.Count > 6 ? $", ... ({items.Count} in all)]" : "]");

    [Fact, Points(2), Step(2)]
    public void Loader_yields_batches_of_64_and_a_smaller_last_batch()
    {
        var (images, labels) = Reference.Numbered(150);
        using var dataset = new MnistDataset(images, labels);

        using var loader = Loading.Loader(dataset, batchSize: 64, shuffle: true, seed: 1);

        var shapes = loader.Select(b => (Data: b["data"].shape, Label: b["label"].shape)).ToList();
        shapes.Select(s => s.Label[0]).ShouldBe([64L, 64L, 22L], "150 items in batches of 64: 64 + 64 + 22");
        shapes[0].Data.ShouldBe([64L, 1L, 28L, 28L], "a batch of images is [batch, channel, height, width]");
        shapes[0].Label.ShouldBe([64L], "a batch of labels is [batch]");
    }

    [Fact, Points(2), Step(2)]
    public void Loader_with_shuffle_visits_every_item_once_per_epoch_in_a_mixed_order()
    {
        var (images, labels) = Reference.Numbered(150);
        using var dataset = new MnistDataset(images, labels);

        using var loader = Loading.Loader(dataset, batchSize: 64, shuffle: true, seed: 1);

        var order = LabelsOf(loader);
        ShouldVisitEachItemOnce(order, 150, "an epoch shows every item exactly once");
        ShouldBeShuffled(order, "shuffle: true mixes the order: pass `shuffle` on to the DataLoader");
    }

    [Fact, Points(1), Step(2)]
    public void Loader_with_the_same_seed_shuffles_the_same_way()
    {
        var (images, labels) = Reference.Numbered(150);
        using var dataset = new MnistDataset(images, labels);

        using var a = Loading.Loader(dataset, shuffle: true, seed: 3);
        using var b = Loading.Loader(dataset, shuffle: true, seed: 3);
        using var c = Loading.Loader(dataset, shuffle: true, seed: 4);

        var (orderA, orderB, orderC) = (LabelsOf(a), LabelsOf(b), LabelsOf(c));
        ShouldBeSameOrder(orderA, orderB, same: true, "pass the seed on to the DataLoader (seed: seed): same seed, same order");
        ShouldBeSameOrder(orderA, orderC, same: false, "another seed gives another order");
    }

    [Fact, Points(1), Step(2)]
    public void Loader_puts_every_batch_on_the_device_it_is_given()
    {
        var (images, labels) = Reference.Numbered(100);
        using var dataset = new MnistDataset(images, labels);

        using var loader = Loading.Loader(dataset, batchSize: 32, shuffle: true, seed: 1, device: TestDevice.Current);

        foreach (var batch in loader)
        {
            batch["data"].ShouldBeOn(TestDevice.Current, "pass `device` on to the DataLoader (device: device): it sends every batch there");
            batch["label"].ShouldBeOn(TestDevice.Current);
        }
        // The meta device (shapes, no memory) proves it on any machine: TorchSharp's DataLoader
        // sends each batch to its device, the CPU when it is given none, and meta tensors cannot be copied.
        var meta = torch.device("meta");
        using var onMeta = new MnistDataset(images.to(meta), labels.to(meta));
        using var metaLoader = Loading.Loader(onMeta, batchSize: 32, shuffle: true, seed: 1, device: meta);
        DevicesOf(metaLoader).ShouldAllBe(d => d == meta.type, "pass `device` on to the DataLoader (device: device)");
    }

    [Fact, Points(1), Step(10)]
    public void ShuffledBatches_gathers_on_the_device_of_the_images_in_the_same_order_as_on_the_cpu()
    {
        var (images, labels) = Reference.Numbered(150);
        var device = TestDevice.Current;

        var here = Loading.ShuffledBatches(images.to(device), labels.to(device), batchSize: 64, seed: 1)
            .Select(b =>
            {
                b["data"].ShouldBeOn(device, "index_select keeps the batch on the device of the images");
                return b["label"].cpu().data<long>().ToArray();
            })
            .SelectMany(l => l).ToArray();

        here.ShouldBe(LabelsOf(Loading.ShuffledBatches(images, labels, batchSize: 64, seed: 1)),
            "the same seed gives the same order on every device: draw the permutation with the CPU generator, then move it to images.device");
    }

    /// <summary>The device of every batch (read before the loader disposes it); a loader's error becomes an assertion that says what to fix.</summary>
    static List<DeviceType> DevicesOf(IEnumerable<Dictionary<string, Tensor>> batches)
    {
        try
        {
            return batches.Select(b => b["data"].device_type).ToList();
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            throw new ShouldAssertException(
                $"the loader could not make batches on the meta device ({e.Message.Split('\n')[0]}): TorchSharp's DataLoader " +
                "copies every batch to the CPU unless it is given `device:`, and meta tensors cannot be copied");
        }
    }

    [Fact, Points(2), Step(10)]
    public void ShuffledBatches_visits_every_item_once_in_batches_of_the_requested_size()
    {
        var (images, labels) = Reference.Numbered(150);

        var batches = Loading.ShuffledBatches(images, labels, batchSize: 64, seed: 1)
            .Select(b => (Size: b["label"].shape[0], Labels: b["label"].data<long>().ToArray()))
            .ToList();

        batches.Select(b => b.Size).ShouldBe([64L, 64L, 22L], "150 items in batches of 64: 64 + 64 + 22");
        var order = batches.SelectMany(b => b.Labels).ToArray();
        ShouldVisitEachItemOnce(order, 150, "an epoch shows every item exactly once: slice one permutation");
        ShouldBeShuffled(order, "the order is shuffled: torch.randperm");
    }

    [Fact, Points(2), Step(10)]
    public void ShuffledBatches_keeps_every_image_with_its_own_label()
    {
        var (images, labels) = Reference.Numbered(150);

        foreach (var batch in Loading.ShuffledBatches(images, labels, batchSize: 64, seed: 2))
        {
            // Image i is filled with the value i and carries label i.
            var imageNumbers = batch["data"][.., 0, 0, 0].to(int64);
            imageNumbers.ShouldEqual(batch["label"], "select images and labels with the same indices (index_select with one index tensor)");
            batch["data"].shape[1..].ShouldBe([1L, 28L, 28L]);
        }
    }

    [Fact, Points(1), Step(10)]
    public void ShuffledBatches_with_the_same_seed_gives_the_same_order()
    {
        var (images, labels) = Reference.Numbered(100);

        long[] Order(int seed) => Loading.ShuffledBatches(images, labels, batchSize: 10, seed: seed)
            .SelectMany(b => b["label"].data<long>().ToArray()).ToArray();

        ShouldBeSameOrder(Order(5), Order(5), same: true, "draw the permutation from a torch.Generator seeded with `seed`");
        ShouldBeSameOrder(Order(5), Order(6), same: false, "another seed gives another order");
    }

    // The argument tests call ShuffledBatches without enumerating what it returns: a bad argument must
    // fail where the method is called, not later at the first MoveNext, far from the mistake.
    const string Eager =
        "A method with `yield return` in it runs none of its body, checks included, until its result is enumerated: check the " +
        "arguments in ShuffledBatches itself and return a second, private iterator method that does the batching (README step 10).";

    [Fact, Points(1), Step(10)]
    public void ShuffledBatches_rejects_a_batch_size_below_1()
    {
        var (images, labels) = Reference.Numbered(10);

        Should.Throw<ArgumentOutOfRangeException>(() => { _ = Loading.ShuffledBatches(images, labels, batchSize: 0, seed: 0); },
                $"ShuffledBatches(batchSize: 0) returned without throwing. {Eager}")
            .ParamName.ShouldBe("batchSize", "say which argument is wrong");
    }

    [Fact, Points(1), Step(10)]
    public void ShuffledBatches_rejects_labels_that_do_not_match_the_images()
    {
        var (images, labels) = Reference.Numbered(10);
        using var nine = labels[..9];

        var error = Should.Throw<ArgumentException>(() => { _ = Loading.ShuffledBatches(images, nine, batchSize: 4, seed: 0); },
            "ShuffledBatches was given 10 images and 9 labels and did not throw an ArgumentException when called: check that there " +
            $"is one label per image, or the last image is silently dropped or index_select fails natively. {Eager}");

        error.Message.ShouldContain("10", customMessage: "the message should show how many images there are");
        error.Message.ShouldContain("9", customMessage: "the message should show how many labels there are");
    }

    [Fact, Points(1), Step(10)]
    public void ShuffledBatches_disposes_each_batch_when_the_next_one_is_asked_for()
    {
        var (images, labels) = Reference.Numbered(30);

        using var batches = Loading.ShuffledBatches(images, labels, batchSize: 10, seed: 0).GetEnumerator();
        batches.MoveNext().ShouldBeTrue("30 items make 3 batches of 10");
        var (data, label) = (batches.Current["data"], batches.Current["label"]);
        batches.MoveNext().ShouldBeTrue("30 items make 3 batches of 10");

        (data.IsInvalid && label.IsInvalid).ShouldBeTrue(
            "the first batch's tensors are still alive after the second batch was asked for. Each batch holds native memory " +
            "(64 MNIST images are 200 kB; an epoch makes 938 of them) that the garbage collector does not see: dispose a batch when " +
            "the loop moves on, as TorchSharp's DataLoader does (`using var` inside the iterator's loop does exactly that).");
        images.IsInvalid.ShouldBeFalse("only the batches are disposed, never the images they were gathered from");
    }
}
