using Katas.Kit.Testing;

namespace Katas.Kit.Tests;

public class TorchThreadsTests
{
    [Fact]
    public void Limit_sets_the_thread_count_until_disposed_then_restores_it()
    {
        var before = torch.get_num_threads();

        using (TorchThreads.Limit(1))
            torch.get_num_threads().ShouldBe(1);

        torch.get_num_threads().ShouldBe(before);
    }

    [Fact]
    public void Limit_rejects_fewer_than_one_thread() =>
        Should.Throw<ArgumentOutOfRangeException>(() => TorchThreads.Limit(0));
}
