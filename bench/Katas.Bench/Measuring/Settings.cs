namespace Katas.Bench.Measuring;

/// <summary>How every workload is run, on both sides (C# and its Python peer).</summary>
/// <param name="Repeat">Timed runs per workload; the median is reported.</param>
/// <param name="Warmup">Untimed runs first: the JIT, libtorch's kernels and allocator caches warm up.</param>
/// <param name="Threads">libtorch's intra-op threads (torch.set_num_threads), the same for Python.</param>
/// <param name="Device">"cpu" or "cuda".</param>
/// <param name="Quick">Tiny sizes: checks that every workload runs (CI), its numbers mean nothing.</param>
public sealed record Settings(int Repeat, int Warmup, int Threads, string Device, bool Quick)
{
    /// <summary>The device as TorchSharp's object (made on use: naming CUDA initialises it, so the JSON leaves it out).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public torch.Device TorchDevice => torch.device(Device);
}
