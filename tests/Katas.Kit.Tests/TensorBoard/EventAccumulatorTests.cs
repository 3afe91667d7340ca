using Katas.Kit.TensorBoard;

namespace Katas.Kit.Tests.TensorBoard;

public sealed class EventAccumulatorTests : IDisposable
{
    readonly TempFolder _folder = new("katas-tensorboard-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void It_reads_the_files_torchsharps_own_writer_makes()
    {
        // TorchSharp's writer computes its CRCs with its own code: reading its file checks ours against it.
        var writer = torch.utils.tensorboard.SummaryWriter(_folder.File("torchsharp"));
        for (var step = 0; step < 5; step++) writer.add_scalar("loss", 1f / (step + 1), step);

        var points = EventAccumulator.Load(_folder.File("torchsharp")).Scalars("loss");

        points.Select(p => p.Step).ShouldBe([0L, 1, 2, 3, 4]);
        points.Select(p => p.Value).ShouldBe([1f, 0.5f, 1f / 3, 0.25f, 0.2f]);
    }

    [Fact]
    public void A_missing_tag_is_reported_with_the_tags_that_exist()
    {
        using (var writer = new SummaryWriter(_folder.File("run")))
        {
            writer.add_scalar("Train/Loss", 1, 0);
            writer.add_scalar("Train/Accuracy", 0.5, 0);
        }

        var error = Should.Throw<KeyNotFoundException>(() => EventAccumulator.Load(_folder.File("run")).Scalars("train/loss"));

        error.Message.ShouldContain("no scalar tagged \"train/loss\"");
        error.Message.ShouldContain("Train/Loss, Train/Accuracy");
    }

    [Fact]
    public void A_folder_without_events_files_says_nothing_was_logged_there()
    {
        Directory.CreateDirectory(_folder.File("empty"));

        Should.Throw<FileNotFoundException>(() => EventAccumulator.Load(_folder.File("empty")))
            .Message.ShouldContain("holds no events file");
        Should.Throw<FileNotFoundException>(() => EventAccumulator.Load(_folder.File("nowhere")))
            .Message.ShouldContain("does not exist");
    }

    [Fact]
    public void Sub_folders_are_runs_of_their_own_and_are_not_read_with_the_parent()
    {
        using (var writer = new SummaryWriter(_folder.File("run"))) writer.add_scalar("parent", 1, 0);
        using (var writer = new SummaryWriter(Path.Combine(_folder.File("run"), "child"))) writer.add_scalar("child", 1, 0);

        EventAccumulator.Load(_folder.File("run")).Tags.ShouldBe(["parent"]);
    }

    [Fact]
    public void A_corrupt_file_in_a_run_names_the_file_and_the_offset()
    {
        string path;
        using (var writer = new SummaryWriter(_folder.File("run")))
        {
            writer.add_scalar("loss", 1, 0);
            path = writer.FilePath;
        }
        var bytes = File.ReadAllBytes(path);
        var lastRecord = TfRecord.Parse(bytes, path)[^1].Offset;
        bytes[^6] ^= 0x10; // inside the last record's payload
        File.WriteAllBytes(path, bytes);

        var error = Should.Throw<CorruptEventFileException>(() => EventAccumulator.Load(_folder.File("run")));

        error.Path.ShouldBe(path);
        error.Offset.ShouldBe(lastRecord);
    }

    [Fact]
    public void A_record_with_good_checksums_that_is_not_an_event_is_reported()
    {
        var path = _folder.File("events.out.tfevents.garbage");
        using (var file = File.Create(path))
            TfRecord.Write(file, [0xFF, 0xFF, 0xFF]); // not a valid protobuf message

        var error = Should.Throw<CorruptEventFileException>(() => EventAccumulator.ReadFile(path));

        error.Offset.ShouldBe(0);
        error.Message.ShouldContain("not a TensorBoard Event");
    }
}
