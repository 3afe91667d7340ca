using TorchSharp;

namespace Katas.Kit.Testing;

/// <summary>
/// How many threads libtorch may use for the operations of the calling thread. Small models (an
/// RNN, an LSTM on 28 x 28 digits) gain little from more threads, and on a machine that other
/// processes share, libtorch's OpenMP threads wait on each other: a test that takes 30 s on one
/// thread took 11 minutes on two there. Training tests of small models run inside
/// <c>using (TorchThreads.Limit(1)) { ... }</c>.
/// </summary>
public static class TorchThreads
{
    /// <summary>Limits libtorch to <paramref name="count"/> threads until the result is disposed, then restores the old limit.</summary>
    /// <remarks>OpenMP keeps the limit per thread: set and dispose it on the thread that runs the work (a synchronous test).</remarks>
    public static IDisposable Limit(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var previous = torch.get_num_threads();
        torch.set_num_threads(count);
        return new Restore(previous);
    }

    sealed class Restore(int previous) : IDisposable
    {
        bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            torch.set_num_threads(previous);
        }
    }
}
