using static TorchSharp.torch.optim;

namespace Katas.GpuAndCheckpoints.Tests;

/// <summary>The whole model in a file, and the ways real files go wrong.</summary>
public class CheckpointTests
{
    [Fact, Points(3), Step(8)]
    public void LoadModel_builds_the_saved_model_without_being_given_one()
    {
        using var folder = new TempFolder("katas-06-");
        var spec = new MlpSpec(InFeatures: 5, Hidden: 7, Classes: 2);
        var saved = Models.Make(spec, seed: 0);
        Checkpoint.Save(folder.File("model.ckpt"), saved);

        var loaded = Checkpoint.LoadModel(folder.File("model.ckpt"));

        loaded.Spec.ShouldBe(spec, "the checkpoint records what to build: kind Mlp, InFeatures 5, Hidden 7, Classes 2");
        loaded.ShouldHaveTheWeightsOf(saved, why: "and the weights to put in it");
        var x = torch.randn(3, 5);
        using var _ = torch.no_grad();
        loaded.forward(x).ShouldEqual(saved.forward(x), "the loaded model computes what the saved one computed");
    }

    [Fact, Points(2), Step(8)]
    public void LoadModel_puts_the_model_on_the_device_it_is_given_checked_on_the_meta_device()
    {
        using var folder = new TempFolder("katas-06-");
        Checkpoint.Save(folder.File("model.ckpt"), Models.Make(Models.Small, seed: 7));

        // PyTorch's "meta" device holds shapes and no data: any machine has it, GPU or not.
        var loaded = Checkpoint.LoadModel(folder.File("model.ckpt"), torch.device("meta"));

        loaded.parameters().ShouldAllBe(p => p.device_type == DeviceType.META,
            "LoadModel(path, device) returns the model on the device it is given (PyTorch's map_location): model.to(device) once the weights are in");
    }

    [Fact, Points(2), Step(8)]
    public void A_training_checkpoint_holds_what_to_build_the_weights_the_optimizer_state_and_the_epoch()
    {
        using var folder = new TempFolder("katas-06-");
        var model = Models.Make(Models.Small, seed: 8);
        using var adam = Adam(model.parameters(), 0.01);

        Checkpoint.Save(folder.File("train.ckpt"), model, adam, epoch: 3);
        Checkpoint.Save(folder.File("inference.ckpt"), model);

        var training = CheckpointArchive.Read(folder.File("train.ckpt"));
        training.Keys.ShouldContain("checkpoint.json", "what to build goes in checkpoint.json");
        training.Keys.ShouldContain("model.pt", "the weights go in model.pt");
        training.Keys.ShouldContain("optimizer.pt", "given an optimizer, Write adds its state as optimizer.pt: without it training cannot resume");
        var info = System.Text.Json.JsonSerializer.Deserialize<CheckpointInfo>(training["checkpoint.json"]);
        info.ShouldNotBeNull("checkpoint.json holds a CheckpointInfo");
        info.ShouldBe(new CheckpointInfo(Mlp.Kind, Models.Small, 3), "checkpoint.json records the kind, the hyper-parameters and the epoch it was given");
        CheckpointArchive.Read(folder.File("inference.ckpt")).Keys.ShouldNotContain("optimizer.pt", "without an optimizer there is no optimizer.pt");
    }

    [Fact, Points(1), Step(8)]
    public void LoadModel_rejects_a_checkpoint_of_a_kind_it_cannot_build_and_names_that_kind()
    {
        using var folder = new TempFolder("katas-06-");
        var path = folder.File("cnn.ckpt");
        var model = Models.Make(Models.Small, seed: 9);
        using (var weights = new MemoryStream())
        using (var file = File.Create(path))
        {
            StateDicts.Write(model, weights);
            CheckpointArchive.Write(file, new Dictionary<string, byte[]>
            {
                ["checkpoint.json"] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new CheckpointInfo("Cnn", Models.Small, 0)),
                ["model.pt"] = weights.ToArray(),
            });
        }

        var error = Calls.Fails<CheckpointException>(() => Checkpoint.LoadModel(path),
            "a checkpoint of kind 'Cnn' cannot be built as an Mlp: check info.Kind against Mlp.Kind before building, and fail with a CheckpointException");

        error.Message.ShouldContain("Cnn", Case.Sensitive, "say which kind the file holds");
    }

    [Fact, Points(3), Step(8)]
    public void An_interrupted_save_leaves_the_previous_checkpoint_loadable()
    {
        using var folder = new TempFolder("katas-06-");
        var path = folder.File("model.ckpt");
        var first = Models.Make(Models.Small, seed: 1);
        Checkpoint.Save(path, first);
        var second = Models.Make(Models.Small, seed: 2);

        // The next save dies after 300 bytes: Checkpoint.Save does what this does, with a healthy stream.
        Should.Throw<IOException>(() => AtomicFile.Write(path, stream => Checkpoint.Write(new FailingStream(stream, 300), second)));

        Checkpoint.LoadModel(path).ShouldHaveTheWeightsOf(first, why: "the failed save must not touch the previous checkpoint");
        folder.Files().ShouldBe(["model.ckpt"], "and it leaves no half-written temporary file behind");
    }

    [Fact, Points(2), Step(8)]
    public void Loading_a_truncated_checkpoint_fails_with_a_message_that_says_so()
    {
        using var folder = new TempFolder("katas-06-");
        var path = folder.File("model.ckpt");
        Checkpoint.Save(path, Models.Make(Models.Small, seed: 3));
        var whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole[..(whole.Length * 2 / 3)]); // a copy that stopped two thirds of the way

        var error = Calls.Fails<CheckpointException>(() => Checkpoint.LoadModel(path),
            "a truncated checkpoint fails with a CheckpointException (CheckpointArchive.Read says so)");

        error.Message.ShouldContain(path, Case.Sensitive, "say which file");
        error.Message.ShouldContain("truncated", Case.Insensitive, "say what is wrong with it");
    }

    [Fact, Points(2), Step(8)]
    public void Loading_a_corrupt_checkpoint_fails_with_a_message_that_says_so()
    {
        using var folder = new TempFolder("katas-06-");
        var path = folder.File("model.ckpt");
        Checkpoint.Save(path, Models.Make(Models.Small, seed: 4));
        var bytes = File.ReadAllBytes(path);
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 4; i++) bytes[i] ^= 0xFF; // four bad bytes in the middle
        File.WriteAllBytes(path, bytes);

        var error = Calls.Fails<CheckpointException>(() => Checkpoint.LoadModel(path),
            "a corrupt checkpoint fails with a CheckpointException (CheckpointArchive.Read checks every part's checksum)");

        error.Message.ShouldContain(path, Case.Sensitive, "say which file");
        error.Message.ShouldContain("corrupt", Case.Insensitive,
            "say what is wrong with it: the weights would load, silently wrong, without the checksums");
    }

    [Fact, Points(3), Step(9)]
    public void Resuming_into_a_model_of_another_architecture_names_the_parameter_and_both_shapes()
    {
        using var folder = new TempFolder("katas-06-");
        var path = folder.File("train.ckpt");
        var small = Models.Make(Models.Small, seed: 5);
        using (var adam = Adam(small.parameters(), 0.01))
            Checkpoint.Save(path, small, adam, epoch: 3);
        var wider = new Mlp(Models.Small with { Hidden = 16 });
        using var widerAdam = Adam(wider.parameters(), 0.01);

        var error = Calls.Fails<CheckpointException>(() => Checkpoint.Resume(path, wider, widerAdam),
            "resuming into another architecture fails with a CheckpointException: verify the weights (StateDictCheck.Verify) before load_state_dict");

        error.Message.ShouldContain("fc1.weight", Case.Sensitive, "name the parameter that does not fit");
        error.Message.ShouldContain("[16, 4]", Case.Sensitive, "the shape the model expects");
        error.Message.ShouldContain("[8, 4]", Case.Sensitive, "the shape the checkpoint holds");
    }

    [Fact, Points(1), Step(9)]
    public void Resuming_from_a_checkpoint_without_optimizer_state_says_why_it_cannot()
    {
        using var folder = new TempFolder("katas-06-");
        var path = folder.File("inference.ckpt");
        var model = Models.Make(Models.Small, seed: 6);
        Checkpoint.Save(path, model); // no optimizer: a checkpoint for inference
        using var adam = Adam(model.parameters(), 0.01);

        var error = Calls.Fails<CheckpointException>(() => Checkpoint.Resume(path, model, adam),
            "a checkpoint without optimizer.pt cannot resume training: say so with a CheckpointException, not a KeyNotFoundException");

        error.Message.ShouldContain("optimizer", Case.Insensitive, "say what is missing to resume training");
    }
}
