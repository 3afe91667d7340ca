using System.IO.Compression;
using TorchSharp.PyBridge;

namespace Katas.GpuAndCheckpoints.Tests;

/// <summary>State dicts in PyTorch's own format: what Python writes loads here, what is written here Python loads.</summary>
public class StateDictsTests
{
    [Fact, Points(3), Step(7)]
    public void A_state_dict_saved_by_python_loads_and_computes_what_pytorch_computed()
    {
        var model = Models.Make(Models.Small, seed: 0);

        StateDicts.Load(model, Models.Fixture("mlp_state_dict.pt"));

        // mlp_io.pt holds five inputs and the logits Python's PyTorch 1.13 computed for them (fixtures/make_fixtures.py).
        var io = PyTorchUnpickler.UnpickleStateDict(Models.Fixture("mlp_io.pt"));
        using var _ = torch.no_grad();
        model.forward((Tensor)io["x"]!).ShouldBeClose((Tensor)io["logits"]!, rtol: 1e-5, atol: 1e-6,
            "with the weights Python saved, the C# Mlp computes what the Python Mlp computed");
    }

    [Fact, Points(2), Step(4)]
    public void A_state_dict_written_here_is_pytorchs_zip_format_and_reads_back_equal()
    {
        var model = Models.Make(Models.Small, seed: 1);
        using var buffer = new MemoryStream();

        StateDicts.Write(model, buffer);

        buffer.Position = 0;
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
        {
            var names = zip.Entries.Select(e => e.FullName).ToArray();
            names.ShouldContain(n => n.EndsWith("/data.pkl", StringComparison.Ordinal), "torch.load reads ARCHIVE/data.pkl (the pickled dict) ...");
            names.ShouldContain(n => n.EndsWith("/version", StringComparison.Ordinal), "... ARCHIVE/version ...");
            names.Count(n => n.Contains("/data/", StringComparison.Ordinal)).ShouldBe(4, "... and one ARCHIVE/data/N per tensor");
            zip.Entries.ShouldAllBe(e => e.CompressedLength == e.Length, "stored as torch.save stores them, not deflated (slow for big models)");
        }
        buffer.Position = 0;
        var back = StateDicts.Read(buffer, "the buffer");
        back.Keys.ShouldBe(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], ignoreOrder: true);
        foreach (var (name, tensor) in model.state_dict())
            back[name].ShouldEqual(tensor, $"{name} reads back as it was written");

        PythonCheck.WriteStateDict(model);
    }

    [Fact, Points(2), Step(7)]
    public void Loading_python_weights_into_another_architecture_names_the_parameters_and_both_shapes()
    {
        var wider = Models.Make(Models.Small with { Hidden = 16 }, seed: 2);
        var before = wider.fc1.weight!.clone();

        var error = Calls.Fails<CheckpointException>(() => StateDicts.Load(wider, Models.Fixture("mlp_state_dict.pt")),
            "a state dict of another architecture fails with a CheckpointException: check the state dict (StateDictCheck.Verify) before loading it, " +
            "instead of letting load_state_dict fail half-way with libtorch's message");

        error.Message.ShouldContain("fc1.weight", Case.Sensitive, "name the parameter that does not fit");
        error.Message.ShouldContain("[16, 4]", Case.Sensitive, "say the shape the model expects");
        error.Message.ShouldContain("[8, 4]", Case.Sensitive, "say the shape the file holds");
        error.Message.ShouldContain("fc2.weight", Case.Sensitive, "list every parameter that does not fit, not only the first");
        wider.fc1.weight!.ShouldEqual(before, "nothing is loaded when the file does not fit");
    }

    [Fact, Points(1), Step(7)]
    public void Loading_a_truncated_state_dict_fails_with_a_message_that_names_the_file()
    {
        using var folder = new TempFolder("katas-06-");
        var path = folder.File("cut.pt");
        var whole = File.ReadAllBytes(Models.Fixture("mlp_state_dict.pt"));
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        var error = Calls.Fails<CheckpointException>(() => StateDicts.Load(Models.Make(Models.Small, seed: 3), path),
            "a truncated file fails with a CheckpointException: Read turns the reader's InvalidDataException into one that names the file");

        error.Message.ShouldContain(path, Case.Sensitive, "say which file");
        error.Message.ShouldContain("truncated", Case.Insensitive, "say what is wrong with it");
    }

    [Fact, Points(1), Step(7)]
    public void Save_writes_a_file_that_Load_reads_back_into_a_new_model()
    {
        using var folder = new TempFolder("katas-06-");
        var model = Models.Make(Models.Small, seed: 4);
        var other = Models.Make(Models.Small, seed: 5);

        StateDicts.Save(model, folder.File("model.pt"));
        StateDicts.Load(other, folder.File("model.pt"));

        other.ShouldHaveTheWeightsOf(model, why: "load_state_dict copies every saved tensor into the model");
        folder.Files().ShouldBe(["model.pt"], "only the file itself: no temporary file is left behind");
    }
}
