using Katas.Grader.Layout;
using System.IO.Compression;
using System.Text;

namespace Katas.Grader.Instructor;

/// <summary>
/// `katas export gradescope OUT.zip`: a Gradescope programming assignment's autograder
/// (gradescope-autograders.readthedocs.io, "Specifications"). Gradescope unpacks the zip into
/// /autograder/source, runs setup.sh once when it builds the assignment's image (Ubuntu 22.04), and
/// for every submission runs run_autograder, which must write /autograder/results/results.json.
/// <list type="bullet">
/// <item><c>setup.sh</c>, <c>run_autograder</c>: from eng/gradescope/ (what they install and how they
/// grade: the scripts' own comments, and docs/grader.md "Gradescope");</item>
/// <item><c>course/</c>: the course's trusted copy, exactly what `katas export student` exports (no
/// solutions, no instructor material): its tests, manifest, build files and grader decide every grade;</item>
/// <item><c>hidden-tests/</c>: the instructor's hidden tests (--extra-tests), never seen by students;</item>
/// <item><c>data/mnist/</c>: the dataset files (--bundle-data), for a course graded without a download;</item>
/// <item><c>katas-gradescope.env</c>: the export's settings (data mirror, limits), read by both scripts.</item>
/// </list>
/// </summary>
public static class GradescopeExport
{
    /// <summary>Where the scripts live in the master (and, exported, in every course copy).</summary>
    public const string ScriptsFolder = "eng/gradescope";
    public static readonly string[] Scripts = ["setup.sh", "run_autograder"];
    public const string SettingsFile = "katas-gradescope.env";

    public sealed record Options
    {
        /// <summary>The instructor's hidden tests: DIR/&lt;chapter id&gt;/*.cs.</summary>
        public string? ExtraTests { get; init; }
        /// <summary>Dataset mirrors (a URL, or several ';'-separated) setup.sh fetches MNIST from.</summary>
        public string? DataMirror { get; init; }
        /// <summary>A folder with the dataset files (train-images-idx3-ubyte.gz, ...), put into the zip.</summary>
        public string? BundleData { get; init; }
        /// <summary>Time limit for one chapter's tests (katas grade --timeout).</summary>
        public int ChapterTimeoutSeconds { get; init; } = 300;
        /// <summary>
        /// run_autograder stops grading after this long and reports 0 with the reason: set Gradescope's
        /// own timeout above it (a submission Gradescope kills gets no results.json at all).
        /// </summary>
        public int DeadlineSeconds { get; init; } = 1140;
    }

    public sealed record Result(string Zip, int CourseFiles, int HiddenTestFiles, int DataFiles, long Bytes);

    public static Result Run(string repo, string zipPath, Options options)
    {
        zipPath = Path.GetFullPath(zipPath);
        if (!zipPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            throw new GraderException($"export gradescope: {zipPath} should end in .zip (Gradescope takes a zip).");
        if (File.Exists(zipPath) || Directory.Exists(zipPath))
            throw new GraderException($"export gradescope: {zipPath} exists; choose a new name (nothing is overwritten).");
        if (options.DataMirror is not null && options.BundleData is not null)
            throw new GraderException("export gradescope: --data-mirror and --bundle-data both say where MNIST comes from; give one.");
        if (options.DataMirror is { } mirror && !IsMirror(mirror))
            throw new GraderException($"export gradescope: --data-mirror {mirror}: give http(s) URLs or absolute folders, ';'-separated.");
        foreach (var script in Scripts)
            if (!File.Exists(Path.Combine(repo, ScriptsFolder, script)))
                throw new GraderException($"export gradescope: {ScriptsFolder}/{script} is missing from {repo}.");

        var staging = Path.Combine(Path.GetTempPath(), "katas-gradescope", Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var course = StudentExport.WriteTree(repo, Path.Combine(staging, "course"));
            var hidden = options.ExtraTests is { } extra ? CopyHiddenTests(Path.GetFullPath(extra), Path.Combine(staging, "course"), Path.Combine(staging, "hidden-tests")) : 0;
            var data = options.BundleData is { } bundle ? CopyData(Path.GetFullPath(bundle), Path.Combine(staging, "data", "mnist")) : 0;
            foreach (var script in Scripts)
                File.Copy(Path.Combine(repo, ScriptsFolder, script), Path.Combine(staging, script));
            File.WriteAllText(Path.Combine(staging, SettingsFile), Settings(options, hidden > 0, data > 0), new UTF8Encoding(false));

            Directory.CreateDirectory(Path.GetDirectoryName(zipPath)!);
            var partial = zipPath + ".partial";
            if (File.Exists(partial)) File.Delete(partial);
            Zip(staging, partial);
            File.Move(partial, zipPath);
            return new Result(zipPath, course.Files, hidden, data, new FileInfo(zipPath).Length);
        }
        finally
        {
            try { Directory.Delete(staging, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static bool IsMirror(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } parts &&
        parts.All(p => (p.StartsWith("https://", StringComparison.Ordinal) || p.StartsWith("http://", StringComparison.Ordinal) || p.StartsWith('/'))
                       && !p.Any(c => char.IsControl(c) || c is '\'' or '"' or '`' or '$' or '\\' or ' '));

    /// <summary>The hidden tests, checked against the course's chapters as grading will check them.</summary>
    static int CopyHiddenTests(string from, string course, string to)
    {
        if (!Directory.Exists(from)) throw new GraderException($"export gradescope: --extra-tests {from}: no such folder.");
        var chapters = Chapter.All(course).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = Directory.GetDirectories(from).Select(Path.GetFileName).Where(d => !chapters.Contains(d!)).ToList();
        if (unknown.Count > 0)
            throw new GraderException($"export gradescope: --extra-tests: no chapter named {string.Join(", ", unknown)} " +
                                      "(folders must be named like exercises/, e.g. 01-SimpleClassifier).");
        var files = Directory.EnumerateFiles(from, "*.cs", SearchOption.AllDirectories).ToList();
        if (files.Count == 0) throw new GraderException($"export gradescope: --extra-tests {from}: no .cs file in its chapter folders.");
        foreach (var file in files)
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return files.Count;
    }

    /// <summary>The dataset files of the course's data/datasets.json found in <paramref name="from"/>.</summary>
    static int CopyData(string from, string to)
    {
        if (!Directory.Exists(from)) throw new GraderException($"export gradescope: --bundle-data {from}: no such folder.");
        Directory.CreateDirectory(to);
        var copied = 0;
        foreach (var name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
        {
            var file = new[] { name + ".gz", name }.Select(n => Path.Combine(from, n)).FirstOrDefault(File.Exists);
            if (file is null) continue;
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            copied++;
        }
        if (copied < 4)
            throw new GraderException($"export gradescope: --bundle-data {from}: expected MNIST's four files (train-images-idx3-ubyte.gz, " +
                                      $"train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz), found {copied}.");
        return copied;
    }

    static string Settings(Options options, bool hidden, bool bundled)
    {
        static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        var text = new StringBuilder();
        text.Append("# Written by `katas export gradescope` on ").Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        text.Append("# Read by setup.sh and run_autograder. An environment variable of the same name overrides a value.\n");
        text.Append("KATAS_GS_DATA_MIRROR=${KATAS_GS_DATA_MIRROR-").Append(Quote(options.DataMirror ?? "")).Append("}\n");
        text.Append("KATAS_GS_BUNDLED_DATA=${KATAS_GS_BUNDLED_DATA-").Append(bundled ? "1" : "0").Append("}\n");
        text.Append("KATAS_GS_HIDDEN_TESTS=${KATAS_GS_HIDDEN_TESTS-").Append(hidden ? "1" : "0").Append("}\n");
        text.Append("KATAS_GS_CHAPTER_TIMEOUT=${KATAS_GS_CHAPTER_TIMEOUT-").Append(options.ChapterTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("}\n");
        text.Append("KATAS_GS_DEADLINE=${KATAS_GS_DEADLINE-").Append(options.DeadlineSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("}\n");
        return text.ToString();
    }

    /// <summary>The staging folder as a zip: scripts executable (Unix mode 0755), everything else 0644.</summary>
    static void Zip(string folder, string zip)
    {
        using var stream = File.Create(zip);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var entry = archive.CreateEntryFromFile(file, name, CompressionLevel.Optimal);
            var executable = Scripts.Contains(name) || name.EndsWith(".sh", StringComparison.Ordinal);
            entry.ExternalAttributes = (executable ? 0b111_101_101 : 0b110_100_100) << 16 | 0x8000 << 16;
        }
    }
}
