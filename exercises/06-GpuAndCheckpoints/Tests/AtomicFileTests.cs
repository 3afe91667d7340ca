using System.Text;

namespace Katas.GpuAndCheckpoints.Tests;

public class AtomicFileTests
{
    [Fact, Points(2), Step(6)]
    public void Write_fills_a_temporary_file_beside_the_target_and_renames_it_into_place_at_the_end()
    {
        using var folder = new TempFolder("katas-06-");
        var path = folder.File("data.bin");
        File.WriteAllText(path, "old");
        string? writtenTo = null;
        string? visibleWhileWriting = null;

        AtomicFile.Write(path, stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes("new"));
            writtenTo = (stream as FileStream)?.Name;
            try { visibleWhileWriting = File.ReadAllText(path); }
            catch (IOException e) { visibleWhileWriting = $"(unreadable while writing: {e.Message})"; }
        });

        visibleWhileWriting.ShouldBe("old", "while the new content is being written, readers still see the old file");
        writtenTo.ShouldNotBeNull("write into a FileStream on a temporary file");
        Path.GetDirectoryName(writtenTo).ShouldBe(folder.Path, "the temporary file goes in the same folder: a rename there is atomic");
        writtenTo.ShouldNotBe(path, "never write into the target itself");
        File.ReadAllText(path).ShouldBe("new", "at the end, the new content replaces the old all at once");
        folder.Files().ShouldBe(["data.bin"], "the temporary file became the target: nothing is left over");
    }

    [Fact, Points(2), Step(6)]
    public void When_writing_fails_the_old_file_stays_and_no_temporary_file_is_left()
    {
        using var folder = new TempFolder("katas-06-");
        var path = folder.File("data.bin");
        File.WriteAllText(path, "old");

        var error = Calls.Fails<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes("half of the new"));
            throw new IOException("simulated: the disk is full");
        }), "AtomicFile.Write passes a failed write on to its caller: delete the temporary file, then rethrow (throw;)");

        error.Message.ShouldBe("simulated: the disk is full", "the caller gets the failure itself");
        File.ReadAllText(path).ShouldBe("old", "an interrupted write leaves the previous file as it was");
        folder.Files().ShouldBe(["data.bin"], "the half-written temporary file is deleted");
    }

    [Fact, Points(1), Step(6)]
    public void Write_creates_the_folder_it_writes_into()
    {
        using var folder = new TempFolder("katas-06-");
        var path = Path.Combine(folder.Path, "runs", "today", "data.bin");

        Calls.Expect(() => { AtomicFile.Write(path, stream => stream.WriteByte(42)); return 0; },
            "AtomicFile.Write creates the folder it writes into (Directory.CreateDirectory) before it makes the temporary file there");

        File.ReadAllBytes(path).ShouldBe(new byte[] { 42 });
    }
}
