namespace Katas.ParallelData.Tests;

public class SamplerTests
{
    [Fact, Points(1), Step(1)]
    public void EpochOrder_without_shuffle_is_every_index_in_turn()
    {
        Sampler.EpochOrder(5, shuffle: false, seed: 0, epoch: 0).ShouldBe([0L, 1, 2, 3, 4],
            "without shuffle an epoch visits 0, 1, ..., count - 1 (PyTorch's SequentialSampler)");
    }

    [Fact, Points(1), Step(1)]
    public void EpochOrder_with_shuffle_is_a_permutation_of_every_index()
    {
        var order = Sampler.EpochOrder(1000, shuffle: true, seed: 3, epoch: 0);

        order.ShouldHoldEachIndexOnce(1000, "a shuffled epoch still visits every index exactly once");
        order.Take(10).SequenceEqual([0L, 1, 2, 3, 4, 5, 6, 7, 8, 9]).ShouldBeFalse("shuffle: the order should be mixed up");
    }

    [Fact, Points(2), Step(1)]
    public void The_same_seed_and_epoch_give_the_same_order_and_another_epoch_or_seed_another()
    {
        var first = Sampler.EpochOrder(500, shuffle: true, seed: 7, epoch: 2);
        var again = Sampler.EpochOrder(500, shuffle: true, seed: 7, epoch: 2);
        var nextEpoch = Sampler.EpochOrder(500, shuffle: true, seed: 7, epoch: 3);
        var otherSeed = Sampler.EpochOrder(500, shuffle: true, seed: 8, epoch: 2);

        again.ShouldBeTheSameSequenceAs(first, "the order must follow from (seed, epoch) alone: draw it from a torch.Generator seeded with them");
        nextEpoch.SequenceEqual(first).ShouldBeFalse("every epoch needs its own order (seed + epoch, as DistributedSampler.set_epoch does)");
        otherSeed.SequenceEqual(first).ShouldBeFalse("another seed gives another order");
    }

    [Fact, Points(1), Step(2)]
    public void Batches_cut_the_order_into_pieces_of_batchSize_and_keep_a_shorter_last_piece()
    {
        var batches = Sampler.Batches([9L, 8, 7, 6, 5, 4, 3], batchSize: 3, dropLast: false);

        batches.Select(b => b.Length).ShouldBe([3, 3, 1],
            "7 indices in batches of 3 are two full batches and a last one with what is left: no index dropped, none repeated");
        batches[0].ShouldBe([9L, 8, 7], "batches keep the order's order");
        batches[1].ShouldBe([6L, 5, 4]);
        batches[2].ShouldBe([3L], "the last batch holds what is left");
    }

    [Fact, Points(1), Step(2)]
    public void Batches_with_dropLast_leave_out_a_short_last_piece()
    {
        var batches = Sampler.Batches([9L, 8, 7, 6, 5, 4, 3], batchSize: 3, dropLast: true);

        batches.Select(b => b.Length).ShouldBe([3, 3], "drop_last keeps full batches only");
    }
}
