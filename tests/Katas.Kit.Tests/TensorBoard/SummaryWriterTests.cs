using Katas.Kit.TensorBoard;
using SkiaSharp;

namespace Katas.Kit.Tests.TensorBoard;

public sealed class SummaryWriterTests : IDisposable
{
    readonly TempFolder _folder = new("katas-tensorboard-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_events_file_starts_with_the_file_version_event_and_is_named_for_tensorboard()
    {
        using var writer = new SummaryWriter(_folder.File("run"));
        writer.close();

        Path.GetFileName(writer.FilePath).ShouldStartWith("events.out.tfevents.");
        Path.GetDirectoryName(writer.FilePath).ShouldBe(_folder.File("run"));
        var events = EventAccumulator.ReadFile(writer.FilePath);
        events.Count.ShouldBe(1);
        events[0].FileVersion.ShouldBe("brain.Event:2");
    }

    [Fact]
    public void Scalars_read_back_with_their_steps_values_and_wall_times_in_seconds_since_1970()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        using (var writer = new SummaryWriter(_folder.File("run")))
            for (var x = 0; x < 100; x++)
                writer.add_scalar("y=2x", 2 * x, x);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        var points = EventAccumulator.Load(_folder.File("run")).Scalars("y=2x");

        points.Select(p => p.Step).ShouldBe(Enumerable.Range(0, 100).Select(i => (long)i));
        points.Select(p => p.Value).ShouldBe(Enumerable.Range(0, 100).Select(i => 2f * i));
        points.ShouldAllBe(p => p.WallTime >= before - 1 && p.WallTime <= after + 1);
    }

    [Fact]
    public void Events_wait_in_memory_until_flush_and_then_are_in_the_file()
    {
        using var writer = new SummaryWriter(_folder.File("run"), maxQueue: 1000, flushSecs: 3600);
        for (var step = 0; step < 5; step++) writer.add_scalar("loss", 1.0 / (step + 1), step);

        EventAccumulator.ReadFile(writer.FilePath).Count.ShouldBe(1, "only the file-version event is flushed at creation");

        writer.flush();

        EventAccumulator.ReadFile(writer.FilePath).Count.ShouldBe(6);
    }

    [Fact]
    public void MaxQueue_pending_events_are_written_out_without_a_flush()
    {
        using var writer = new SummaryWriter(_folder.File("run"), maxQueue: 3, flushSecs: 3600);
        for (var step = 0; step < 7; step++) writer.add_scalar("loss", step, step);

        // Flushed after the 3rd and 6th scalar; the 7th still waits.
        EventAccumulator.ReadFile(writer.FilePath).Count.ShouldBe(1 + 6);
    }

    [Fact]
    public void Dispose_flushes_and_closes_and_adding_afterwards_says_the_writer_is_closed()
    {
        var writer = new SummaryWriter(_folder.File("run"), maxQueue: 1000);
        writer.add_scalar("loss", 0.5, 1);

        writer.Dispose();
        writer.close(); // closing twice is harmless

        EventAccumulator.ReadFile(writer.FilePath).Count.ShouldBe(2);
        var error = Should.Throw<ObjectDisposedException>(() => writer.add_scalar("loss", 0.4, 2));
        error.Message.ShouldContain("is closed");
        Should.Throw<ObjectDisposedException>(writer.flush);
    }

    [Fact]
    public void An_image_is_stored_as_a_png_of_its_size()
    {
        // A [3, 20, 30] image: red on the left half, blue on the right half.
        var image = torch.zeros(3, 20, 30);
        image[0, .., ..15] = 1;
        image[2, .., 15..] = 1;
        using (var writer = new SummaryWriter(_folder.File("run")))
            writer.add_image("picture", image, globalStep: 4);

        var logged = EventAccumulator.Load(_folder.File("run")).Images("picture").ShouldHaveSingleItem();

        logged.Step.ShouldBe(4);
        (logged.Width, logged.Height).ShouldBe((30, 20));
        using var png = SKBitmap.Decode(logged.EncodedImage);
        (png.Width, png.Height).ShouldBe((30, 20));
        png.GetPixel(2, 10).ShouldBe(new SKColor(255, 0, 0), "float images in [0, 1] are scaled to 0..255");
        png.GetPixel(27, 10).ShouldBe(new SKColor(0, 0, 255));
    }

    [Fact]
    public void A_batch_of_images_is_refused_with_the_make_grid_hint()
    {
        using var writer = new SummaryWriter(_folder.File("run"));

        var error = Should.Throw<ArgumentException>(() => writer.add_image("digits", torch.zeros(8, 1, 28, 28)));

        error.Message.ShouldContain("batch of 8");
        error.Message.ShouldContain("torchvision.utils.make_grid");
    }

    [Fact]
    public void Any_torchsharp_summary_can_be_added_for_example_a_histogram()
    {
        using (var writer = new SummaryWriter(_folder.File("run")))
            writer.add_summary(torch.utils.tensorboard.Summary.histogram("weights", torch.arange(10).to(float64), torch.linspace(0, 9, 4, dtype: float64)), 3);

        var histogram = EventAccumulator.Load(_folder.File("run")).Values("weights").ShouldHaveSingleItem();

        histogram.Step.ShouldBe(3);
        histogram.Value.Histo.Num.ShouldBe(10);
        histogram.Value.Histo.Sum.ShouldBe(45);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_tag_or_log_dir_is_refused_with_what_to_give(string blank)
    {
        Should.Throw<ArgumentException>(() => new SummaryWriter(blank)).Message.ShouldContain("needs a log directory");
        using var writer = new SummaryWriter(_folder.File("run"));
        Should.Throw<ArgumentException>(() => writer.add_scalar(blank, 1, 0)).Message.ShouldContain("needs a tag");
    }

    [Fact]
    public void Two_writers_on_one_folder_write_two_files_that_read_back_as_one_run()
    {
        using (var first = new SummaryWriter(_folder.File("run")))
            first.add_scalar("a", 1, 0);
        using (var second = new SummaryWriter(_folder.File("run")))
            second.add_scalar("b", 2, 0);

        var run = EventAccumulator.Load(_folder.File("run"));

        run.Files.Count.ShouldBe(2);
        run.Tags.ShouldBe(["a", "b"], ignoreOrder: true);
    }
}
