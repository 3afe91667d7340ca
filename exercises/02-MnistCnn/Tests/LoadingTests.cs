namespace Katas.MnistCnn.Tests;

public class LoadingTests
{
    static long[] LabelsOf(IEnumerable<Dictionary<string, Tensor>> batches) =>
        batches.SelectMany(b => b["label"].data<long>().ToArray()).ToArray();

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
        order.Order().ShouldBe(Enumerable.Range(0, 150).Select(i => (long)i), "an epoch shows every item exactly once");
        order.ShouldNotBe(Enumerable.Range(0, 150).Select(i => (long)i).ToArray(), "shuffle: true mixes the order");
    }

    [Fact, Points(1), Step(2)]
    public void Loader_with_the_same_seed_shuffles_the_same_way()
    {
        var (images, labels) = Reference.Numbered(150);
        using var dataset = new MnistDataset(images, labels);

        using var a = Loading.Loader(dataset, shuffle: true, seed: 3);
        using var b = Loading.Loader(dataset, shuffle: true, seed: 3);
        using var c = Loading.Loader(dataset, shuffle: true, seed: 4);

        LabelsOf(a).ShouldBe(LabelsOf(b), "pass the seed on to the DataLoader: same seed, same order");
        LabelsOf(a).ShouldNotBe(LabelsOf(c), "another seed gives another order");
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
        order.Order().ShouldBe(Enumerable.Range(0, 150).Select(i => (long)i), "an epoch shows every item exactly once: slice one permutation");
        order.ShouldNotBe(Enumerable.Range(0, 150).Select(i => (long)i).ToArray(), "the order is shuffled: torch.randperm");
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

        Order(5).ShouldBe(Order(5), "draw the permutation from a torch.Generator seeded with `seed`");
        Order(5).ShouldNotBe(Order(6), "another seed gives another order");
    }

    [Fact, Points(1), Step(10)]
    public void ShuffledBatches_rejects_a_batch_size_below_1()
    {
        var (images, labels) = Reference.Numbered(10);

        Should.Throw<ArgumentOutOfRangeException>(() => Loading.ShuffledBatches(images, labels, batchSize: 0, seed: 0).ToList())
            .ParamName.ShouldBe("batchSize", "say which argument is wrong");
    }
}
