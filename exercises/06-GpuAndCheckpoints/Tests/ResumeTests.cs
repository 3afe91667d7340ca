using static TorchSharp.torch.optim;

namespace Katas.GpuAndCheckpoints.Tests;

/// <summary>Training that stops and goes on must end where uninterrupted training ends.</summary>
public class ResumeTests
{
    static readonly MlpSpec Spec = new(InFeatures: 6, Hidden: 16, Classes: 3);
    const int Seed = 7, BatchSize = 32;
    const double LearningRate = 0.01;
    static readonly (Tensor X, Tensor Y) Data = ToyData.Make(256, Spec.InFeatures, Spec.Classes, Seed);

    [Fact, Points(3), Step(9)]
    public void Two_epochs_straight_and_one_plus_resume_plus_one_give_identical_parameters()
    {
        using var folder = new TempFolder("katas-06-");
        var first = Models.Make(Spec, Seed);
        using (var adam = Adam(first.parameters(), LearningRate))
        {
            Epoch(first, adam, 0);
            Checkpoint.Save(folder.File("train.ckpt"), first, adam, epoch: 1);
            PythonCheck.WriteCheckpoint(first, adam, epoch: 1);
        }
        // Later, in a new process: new objects, other initial weights, a fresh optimizer.
        var resumed = Models.Make(Spec, seed: 99);
        using var resumedAdam = Adam(resumed.parameters(), LearningRate);

        var done = Checkpoint.Resume(folder.File("train.ckpt"), resumed, resumedAdam);
        for (var epoch = done; epoch < 2; epoch++)
            Epoch(resumed, resumedAdam, epoch);

        done.ShouldBe(1, "the checkpoint says one epoch is done");
        resumed.ShouldHaveTheWeightsOf(TwoEpochsStraight(),
            why: "stopping and resuming must not change the result: the weights AND Adam's state (its moment estimates and step count) come back");
    }

    [Fact, Points(2), Step(9)]
    public void Resume_puts_the_optimizer_state_where_the_model_is_checked_on_the_meta_device()
    {
        using var folder = new TempFolder("katas-06-");
        var first = Models.Make(Spec, Seed);
        using (var adam = Adam(first.parameters(), LearningRate))
        {
            Epoch(first, adam, 0);
            Checkpoint.Save(folder.File("train.ckpt"), first, adam, epoch: 1);
        }
        // The model is moved first, then its optimizer is made: as on a GPU. PyTorch's "meta" device
        // holds shapes and no data, so it shows where tensors go on a machine without a GPU.
        var resumed = new Mlp(Spec);
        resumed.to(torch.device("meta"));
        using var resumedAdam = Adam(resumed.parameters(), LearningRate);

        Checkpoint.Resume(folder.File("train.ckpt"), resumed, resumedAdam);

        resumed.fc1.weight!.device_type.ShouldBe(DeviceType.META, "Resume loads the weights into the model where it is; it does not move the model");
        var states = resumedAdam.state_dict().State.OfType<TorchSharp.Modules.Adam.State>().ToList();
        states.Count.ShouldBe(4, "Adam keeps one state per parameter (fc1.weight, fc1.bias, fc2.weight, fc2.bias): Resume loads them (optimizer.load_py)");
        states.ShouldAllBe(s => s.exp_avg.device_type == DeviceType.META && s.exp_avg_sq.device_type == DeviceType.META,
            "the optimizer's state arrives as CPU tensors: move it where the parameters are (optimizer.to(device)), or the first step on a GPU mixes devices");
    }

    [Fact, Points(1), Step(9)]
    public void Resuming_with_the_weights_but_a_fresh_optimizer_would_end_elsewhere()
    {
        using var folder = new TempFolder("katas-06-");
        var first = Models.Make(Spec, Seed);
        using (var adam = Adam(first.parameters(), LearningRate))
            Epoch(first, adam, 0);
        StateDicts.Save(first, folder.File("weights-only.pt"));
        var resumed = Models.Make(Spec, seed: 99);

        StateDicts.Load(resumed, folder.File("weights-only.pt"));
        using (var freshAdam = Adam(resumed.parameters(), LearningRate))
            Epoch(resumed, freshAdam, 1);

        resumed.fc1.weight!.allclose(TwoEpochsStraight().fc1.weight!, rtol: 1e-4, atol: 1e-5).ShouldBeFalse(
            "a fresh Adam starts its moment estimates from zero, so the weights alone do not resume training: " +
            "that is why a training checkpoint also holds the optimizer's state");
    }

    static void Epoch(Mlp model, Optimizer optimizer, int epoch) =>
        Training.TrainEpoch(model, optimizer, Data.X, Data.Y, epoch, Seed, BatchSize, torch.CPU);

    /// <summary>The reference: two epochs without stopping.</summary>
    static Mlp TwoEpochsStraight()
    {
        var model = Models.Make(Spec, Seed);
        using var adam = Adam(model.parameters(), LearningRate);
        Epoch(model, adam, 0);
        Epoch(model, adam, 1);
        return model;
    }
}
