using System.Diagnostics;
using System.Text.Json;
using Katas.Bench.Measuring;
using Katas.Tooling;

namespace Katas.Bench.Suite;

/// <summary>
/// The learner's loop, timed as a learner lives it: `katas watch 1` runs on a copy of the course
/// (chapter 1 on its stubs, whose tests do not train), a learner file is saved, and the clock stops
/// when watch shows the first failing test's message. The first result (a whole build of a fresh
/// copy) is reported apart; the saves after it are the loop.
/// </summary>
public sealed record LoopTimes(double FirstResultSeconds, IReadOnlyList<double> SaveSeconds, int QuickBuilds)
{
    public Stats Saves { get; } = new(SaveSeconds);

    /// <summary>What a save appends to the learner's file: a comment, so the result stays the same and only the loop is timed.</summary>
    const string LearnerFile = "exercises/01-SimpleClassifier/Clusters.cs";
    const string ResultShown = "First test to fix", Built = "Built in ", Watching = "Watching ", CompileError = "does not compile";

    public static LoopTimes Measure(string repo, int saves, Action<string> progress)
    {
        progress("building the grader (untimed)");
        var build = SuiteTimes.Run(repo, "build", "grader", "-v", "q", "-nologo");
        if (build.ExitCode != 0) throw new BenchException($"`{build.Command}` failed (exit code {build.ExitCode}).");
        var grader = Path.Combine(repo, "artifacts", "bin", "Katas.Grader", "debug", "katas.dll");

        var copy = Path.Combine(Path.GetTempPath(), $"katas-loop-{Guid.NewGuid():N}"[..19]);
        progress("copying the course's tracked files");
        CopyCourse(repo, copy);
        try
        {
            using var watch = new WatchProcess(grader, copy);
            progress("katas watch 1: the first result (a whole build of a fresh copy)");
            watch.LineWith(ResultShown, TimeSpan.FromMinutes(10));
            var first = watch.Running.TotalSeconds;
            watch.LineWith(Watching, TimeSpan.FromMinutes(1));
            var times = new List<double>();
            var quick = 0;
            for (var i = 1; i <= saves; i++)
            {
                progress($"save {i} of {saves}");
                // As a learner would: the result is read before the next save (watch warms the compiler
                // server up meanwhile, after a whole build; a save within a second of it waits for that).
                Thread.Sleep(TimeSpan.FromSeconds(3));
                var clock = Stopwatch.StartNew();
                File.AppendAllText(Path.Combine(copy, LearnerFile), $"// save {i}\n");
                watch.LineWith(ResultShown, TimeSpan.FromMinutes(2));
                times.Add(clock.Elapsed.TotalSeconds);
                if (watch.LineWith(Built, TimeSpan.FromMinutes(1)).Contains("compiler server", StringComparison.Ordinal)) quick++;
                watch.LineWith(Watching, TimeSpan.FromMinutes(1));
            }
            return new LoopTimes(first, times, quick);
        }
        finally
        {
            try { Directory.Delete(copy, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(new
    {
        workload = "watch-loop", chapter = 1, first_result_s = FirstResultSeconds, save_s = SaveSeconds, median_s = Saves.Median, min_s = Saves.Min, max_s = Saves.Max,
        builds_by_the_compiler_server = QuickBuilds,
    }, Indented);

    static void CopyCourse(string repo, string copy)
    {
        var files = Git.Run(repo, "ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files)
        {
            var from = Path.Combine(repo, file);
            if (!File.Exists(from)) continue; // deleted in the working tree
            var to = Path.Combine(copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }
    }

    /// <summary>`katas watch 1 --repo COPY`, its output read line by line.</summary>
    sealed class WatchProcess : IDisposable
    {
        readonly Process _process;
        readonly List<string> _lines = [];
        readonly Stopwatch _alive = Stopwatch.StartNew();
        int _read;

        public WatchProcess(string grader, string course)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = course };
            foreach (var a in new[] { grader, "watch", "1", "--repo", course }) start.ArgumentList.Add(a);
            start.Environment["COLUMNS"] = "120";
            _process = Process.Start(start) ?? throw new BenchException("could not start katas watch");
            _process.OutputDataReceived += (_, e) => Add(e.Data);
            _process.ErrorDataReceived += (_, e) => Add(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        void Add(string? line)
        {
            if (line is null) return;
            lock (_lines) { _lines.Add(line); Monitor.PulseAll(_lines); }
        }

        /// <summary>How long katas watch has been running.</summary>
        public TimeSpan Running => _alive.Elapsed;

        /// <summary>Waits for the next line holding <paramref name="text"/> and returns it.</summary>
        public string LineWith(string text, TimeSpan limit)
        {
            var deadline = DateTime.UtcNow + limit;
            lock (_lines)
            {
                while (true)
                {
                    while (_read < _lines.Count)
                    {
                        var line = _lines[_read++];
                        if (line.Contains(text, StringComparison.Ordinal)) return line;
                        // The copy's chapter 1 must build: a compile error would otherwise be a silent wait until the limit.
                        if (line.Contains(CompileError, StringComparison.Ordinal))
                            throw new BenchException($"katas watch says the copy of the course does not compile (a new file not yet added to git?): {Tail()}");
                    }
                    if (_process.HasExited) throw new BenchException($"katas watch ended (exit code {_process.ExitCode}): {Tail()}");
                    if (DateTime.UtcNow > deadline) throw new BenchException($"katas watch did not show \"{text}\" within {limit.TotalSeconds:0} s: {Tail()}");
                    Monitor.Wait(_lines, TimeSpan.FromMilliseconds(200));
                }
            }
        }

        string Tail() => string.Join(" | ", _lines.TakeLast(8).Select(l => l.Trim()));

        public void Dispose()
        {
            try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            _process.Dispose();
        }
    }
}
