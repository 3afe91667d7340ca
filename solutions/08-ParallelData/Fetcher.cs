namespace Katas.ParallelData;

/// <summary>Makes one batch: reads its items and stacks them (PyTorch's fetch + default_collate).</summary>
public static class Fetcher
{
    public static Batch Fetch(torch.utils.data.Dataset dataset, long[] indices)
    {
        using var scope = torch.NewDisposeScope(); // the items are temporaries; only the batch survives
        var data = new List<Tensor>(indices.Length);
        var labels = new List<Tensor>(indices.Length);
        foreach (var index in indices)
        {
            Dictionary<string, Tensor> item;
            try { item = dataset.GetTensor(index); }
            catch (Exception e) { throw new DataLoaderException(index, e); }
            data.Add(item["data"]);
            labels.Add(item["label"]);
        }
        return new Batch(torch.stack(data).MoveToOuterDisposeScope(), torch.stack(labels).MoveToOuterDisposeScope());
    }
}
