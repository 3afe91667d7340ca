using System.Diagnostics;
using System.IO.Compression;
using Katas.Grader.Instructor;

namespace Katas.Grader.Tests.Platforms;

/// <summary>This repository's Gradescope autograder (`katas export gradescope`), written once for the class.</summary>
public sealed class ExportedAutograder : IDisposable
{
    public ExportedAutograder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "katas-fixtures", $"autograder-{Guid.NewGuid():N}"[..23]);
        Hidden = Path.Combine(Folder, "hidden");
        Directory.CreateDirectory(Path.Combine(Hidden, "01-SimpleClassifier"));
        File.WriteAllText(Path.Combine(Hidden, "01-SimpleClassifier", "HiddenTests.cs"), "namespace Hidden; public class H { }\n");
        Data = Path.Combine(Folder, "mnist");
        Directory.CreateDirectory(Data);
        foreach (var name in MnistFiles) File.WriteAllText(Path.Combine(Data, name), "not really MNIST");
        Zip = Path.Combine(Folder, "autograder.zip");
        try
        {
            Result = GradescopeExport.Run(FixtureCourse.Repo, Zip, new GradescopeExport.Options
            {
                ExtraTests = Hidden, BundleData = Data, ChapterTimeoutSeconds = 240, DeadlineSeconds = 900,
            });
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public static readonly string[] MnistFiles =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    public string Folder { get; }
    public string Hidden { get; }
    public string Data { get; }
    public string Zip { get; }
    public GradescopeExport.Result Result { get; }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// What `katas export gradescope` writes (Gradescope's zip layout, the trusted course copy, the
/// scripts' modes and settings, what it refuses), and the GitHub Classroom workflow as the student
/// template carries it. eng/ci/check-gradescope.sh and eng/ci/check-classroom.sh play them end to end.
/// </summary>
public sealed class PlatformExportTests(ExportedAutograder autograder, ExportedCourse template)
    : IClassFixture<ExportedAutograder>, IClassFixture<ExportedCourse>
{
    static List<string> Names(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    [Fact]
    public void The_zip_holds_the_scripts_at_its_top_the_trusted_course_the_hidden_tests_and_the_data()
    {
        var names = Names(autograder.Zip);

        names.ShouldContain("setup.sh");
        names.ShouldContain("run_autograder");
        names.ShouldContain(GradescopeExport.SettingsFile);
        names.ShouldContain("course/grader/tests-manifest.json");
        names.ShouldContain(n => n.StartsWith("course/exercises/01-SimpleClassifier/Tests/", StringComparison.Ordinal));
        names.ShouldContain("course/.github/workflows/classroom.yml", "the course copy is the student template");
        names.ShouldContain("hidden-tests/01-SimpleClassifier/HiddenTests.cs");
        foreach (var file in ExportedAutograder.MnistFiles) names.ShouldContain($"data/mnist/{file}");
        names.ShouldNotContain(n => n.StartsWith("course/solutions/", StringComparison.Ordinal) || n.StartsWith("course/.git/", StringComparison.Ordinal)
                                    || n.StartsWith("course/instructor/", StringComparison.Ordinal) || n.StartsWith("course/artifacts/", StringComparison.Ordinal));
        autograder.Result.HiddenTestFiles.ShouldBe(1);
        autograder.Result.DataFiles.ShouldBe(4);
    }

    [Fact]
    public void Its_scripts_are_executable_and_everything_else_is_not()
    {
        using var archive = ZipFile.OpenRead(autograder.Zip);
        foreach (var entry in archive.Entries)
        {
            var mode = (entry.ExternalAttributes >> 16) & 0x1FF;
            var script = entry.FullName is "setup.sh" or "run_autograder" || entry.FullName.EndsWith(".sh", StringComparison.Ordinal);
            mode.ShouldBe(script ? 0b111_101_101 : 0b110_100_100, entry.FullName);
        }
    }

    [Fact]
    public void Its_settings_are_the_exports_options_and_the_environment_overrides_them()
    {
        using var archive = ZipFile.OpenRead(autograder.Zip);
        var settings = Path.Combine(autograder.Folder, "settings.env");
        archive.GetEntry(GradescopeExport.SettingsFile)!.ExtractToFile(settings, overwrite: true);

        Bash(settings, "").ShouldBe("''|1|1|240|900");
        Bash(settings, "export KATAS_GS_DEADLINE=60;").ShouldEndWith("|60");
    }

    static string Bash(string settings, string environment)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "katas-gradescope.env is read by bash, on Gradescope's Linux");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{environment} source '{settings}'; " +
                               "printf \"'%s'|%s|%s|%s|%s\" \"$KATAS_GS_DATA_MIRROR\" \"$KATAS_GS_BUNDLED_DATA\" \"$KATAS_GS_HIDDEN_TESTS\" \"$KATAS_GS_CHAPTER_TIMEOUT\" \"$KATAS_GS_DEADLINE\"");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [Theory]
    [InlineData("ftp://mirror.example/mnist/")]
    [InlineData("https://mirror.example/mnist/$(touch /tmp/pwned)")]
    [InlineData("https://mirror.example/it's")]
    [InlineData("relative/folder")]
    public void A_data_mirror_that_is_not_urls_or_absolute_folders_is_refused_before_anything_is_written(string mirror)
    {
        var zip = Path.Combine(autograder.Folder, $"bad-{Guid.NewGuid():N}.zip");

        Should.Throw<GraderException>(() => GradescopeExport.Run(FixtureCourse.Repo, zip, new GradescopeExport.Options { DataMirror = mirror }))
            .Message.ShouldContain("--data-mirror");
        File.Exists(zip).ShouldBeFalse();
    }

    [Fact]
    public void It_never_overwrites_a_file_and_wants_one_source_of_data()
    {
        Should.Throw<GraderException>(() => GradescopeExport.Run(FixtureCourse.Repo, autograder.Zip, new GradescopeExport.Options()))
            .Message.ShouldContain("exists");
        Should.Throw<GraderException>(() => GradescopeExport.Run(FixtureCourse.Repo, Path.Combine(autograder.Folder, "two.zip"),
                new GradescopeExport.Options { DataMirror = "https://a.example/", BundleData = autograder.Data }))
            .Message.ShouldContain("give one");
    }

    [Fact]
    public void Hidden_tests_for_a_chapter_the_course_does_not_have_are_refused_and_nothing_is_left()
    {
        var hidden = Path.Combine(autograder.Folder, "hidden-typo");
        Directory.CreateDirectory(Path.Combine(hidden, "01-SimpleClasifier"));
        File.WriteAllText(Path.Combine(hidden, "01-SimpleClasifier", "T.cs"), "class T { }");
        var zip = Path.Combine(autograder.Folder, "typo.zip");

        Should.Throw<GraderException>(() => GradescopeExport.Run(FixtureCourse.Repo, zip, new GradescopeExport.Options { ExtraTests = hidden }))
            .Message.ShouldContain("01-SimpleClasifier");
        File.Exists(zip).ShouldBeFalse();
        File.Exists(zip + ".partial").ShouldBeFalse();
    }

    [Fact]
    public void The_template_carries_the_classroom_workflow_where_classroom_looks_and_not_its_master_copy()
    {
        var master = Path.Combine(FixtureCourse.Repo, "eng", "classroom", "classroom.yml");

        File.ReadAllText(Path.Combine(template.Root, ".github", "workflows", "classroom.yml")).ShouldBe(File.ReadAllText(master));
        Directory.Exists(Path.Combine(template.Root, "eng", "classroom")).ShouldBeFalse();
        File.Exists(Path.Combine(template.Root, "eng", "ci", "classroom-course.sh")).ShouldBeTrue();
        File.Exists(Path.Combine(template.Root, "eng", "ci", "classroom-grade.sh")).ShouldBeTrue();
        File.Exists(Path.Combine(FixtureCourse.Repo, ".github", "workflows", "classroom.yml"))
            .ShouldBeFalse("the master's own pushes must not run the Classroom workflow");
    }
}
