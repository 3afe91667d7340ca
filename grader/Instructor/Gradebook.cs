using System.Globalization;
using System.Text;
using Katas.Grader.Integrity;
using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Running;

namespace Katas.Grader.Instructor;

/// <summary>
/// `katas grade-many SUBMISSIONS`: grades every student's folder with the trusted tests, several at
/// once (bounded by the cores), each isolated as in `grade`; writes each student's JSON and a CSV
/// gradebook. A submission that breaks anything is a row with a flag, never the end of the batch.
/// </summary>
public static class Gradebook
{
    public sealed record Row(string Student, GradeResult? Result, string? Error)
    {
        public IReadOnlyList<string> Flags => Result is null ? ["grader-error"] :
        [
            .. Result.Tamper.Tampered ? new[] { "tampered-tests" } : [],
            .. Result.Chapters.Any(c => c.Status == ChapterStatus.BuildError) ? new[] { "build-error" } : [],
            .. Result.Chapters.Any(c => c.Status == ChapterStatus.TimedOut) ? new[] { "timed-out" } : [],
            .. Result.Chapters.Any(c => c.Status == ChapterStatus.Crashed) ? new[] { "crashed" } : [],
        ];
    }

    /// <summary>A student's folder: a clone, or an unpacked zip whose single top folder is the clone.</summary>
    public static string? SubmissionRoot(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "exercises"))) return folder;
        var inner = Directory.GetDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
        return inner.Count == 1 && Directory.Exists(Path.Combine(inner[0], "exercises")) ? inner[0] : null;
    }

    public static async Task<IReadOnlyList<Row>> GradeAllAsync(string submissions, GradeOptions options, string output, int parallel,
        Action<Row>? onStudent, CancellationToken cancel)
    {
        if (options.TrustedTests is null) throw new GraderException("grade-many needs --trusted-tests DIR: students are graded with your tests.");
        var students = Directory.GetDirectories(submissions).Where(d => !Path.GetFileName(d).StartsWith('.'))
            .OrderBy(d => d, StringComparer.Ordinal).ToList();
        if (students.Count == 0) throw new GraderException($"grade-many: {submissions} has no submission folders.");
        Directory.CreateDirectory(output);
        var rows = new Row[students.Count];
        using var gate = new SemaphoreSlim(Math.Max(1, parallel));
        await Task.WhenAll(students.Select(async (folder, i) =>
        {
            await gate.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                var name = Path.GetFileName(folder);
                Row row;
                try
                {
                    var root = SubmissionRoot(folder) ?? throw new GraderException("no exercises/ folder: not a copy of the course");
                    var result = await Grading.RunAsync(root, options, null, cancel).ConfigureAwait(false);
                    JsonResults.Write(result, Path.Combine(output, name + ".json"));
                    row = new Row(name, result, null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    row = new Row(name, null, e.Message); // this student only
                }
                rows[i] = row;
                onStudent?.Invoke(row);
            }
            finally { gate.Release(); }
        })).ConfigureAwait(false);
        AtomicFile.WriteAllText(Path.Combine(output, "gradebook.csv"), Csv(rows, Chapter.Select(options.TrustedTests, options.Chapters)));
        return rows;
    }

    static readonly string[] TrailingColumns = ["total", "max", "flags", "error"];

    /// <summary>One row per student: points per chapter, total, maximum, flags, and any grader error.</summary>
    public static string Csv(IReadOnlyList<Row> rows, IReadOnlyList<Chapter> chapters)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", ((string[])["student", .. chapters.Select(c => c.Id), .. TrailingColumns]).Select(Field)));
        foreach (var row in rows)
        {
            var cells = new List<string> { row.Student };
            foreach (var chapter in chapters)
                cells.Add(row.Result?.Chapters.FirstOrDefault(c => c.Id == chapter.Id)?.Points.ToString(CultureInfo.InvariantCulture) ?? "");
            cells.Add(row.Result?.Score.Points.ToString(CultureInfo.InvariantCulture) ?? "");
            cells.Add(row.Result?.Score.MaxPoints.ToString(CultureInfo.InvariantCulture) ?? "");
            cells.Add(string.Join(";", row.Flags));
            cells.Add(row.Error ?? "");
            csv.AppendLine(string.Join(",", cells.Select(Field)));
        }
        return csv.ToString();
    }

    // RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes.
    static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
