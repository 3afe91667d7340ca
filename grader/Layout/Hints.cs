using System.Text.RegularExpressions;

namespace Katas.Grader.Layout;

/// <summary>
/// The teaching material the grader shows beside a failing test, read from where it lives: the
/// chapter README's numbered step ("## Steps ..."), the chapter's hints.md (a section per step,
/// three levels: concept, API, near-code), and the stub's "TODO n" line (where to write it).
/// The grader reads these files; it never guesses a step from prose.
/// </summary>
public static partial class Hints
{
    /// <summary>One level of a step's hints: its heading ("Concept", "API", "Near-code") and text.</summary>
    public sealed record Level(string Title, string Text);

    /// <summary>What the course says about one step of a chapter.</summary>
    public sealed record Lesson(int Step, string? ReadmeStep, IReadOnlyList<Level> Levels, string? WhereToWrite)
    {
        /// <summary>The step's heading in the README ("Forward — Net.forward"), without its Markdown.</summary>
        public string? Title => ReadmeStep is null ? null : StepTitle().Match(ReadmeStep) is { Success: true } m
            ? m.Groups[1].Value.Replace("`", "", StringComparison.Ordinal).TrimEnd('.', ' ') : null;
    }

    public static Lesson For(Chapter chapter, int step) =>
        new(step, ReadmeStep(chapter, step), LevelsOf(chapter, step), WhereToWrite(chapter, step));

    /// <summary>Item n of the README's "## Steps" section (any heading that starts so), up to the next item or heading.</summary>
    public static string? ReadmeStep(Chapter chapter, int step)
    {
        var readme = Path.Combine(chapter.Folder, Course.ReadmeFile);
        if (!File.Exists(readme)) return null;
        var inSection = false;
        var collected = new List<string>();
        foreach (var line in File.ReadLines(readme))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (collected.Count > 0) break;
                inSection = line.StartsWith("## Steps", StringComparison.Ordinal);
                continue;
            }
            if (!inSection) continue;
            if (collected.Count == 0)
            {
                if (line.StartsWith($"{step}. ", StringComparison.Ordinal)) collected.Add(line.Trim());
                continue;
            }
            if (NumberedItem().IsMatch(line)) break;
            collected.Add(line.Trim());
        }
        return collected.Count == 0 ? null : string.Join(" ", collected.Where(l => l.Length > 0));
    }

    /// <summary>The numbers of the README's steps, in order.</summary>
    public static IReadOnlyList<int> ReadmeSteps(Chapter chapter)
    {
        var readme = Path.Combine(chapter.Folder, Course.ReadmeFile);
        if (!File.Exists(readme)) return [];
        var steps = new List<int>();
        var inSection = false;
        foreach (var line in File.ReadLines(readme))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) { inSection = line.StartsWith("## Steps", StringComparison.Ordinal); continue; }
            if (inSection && NumberedItem().Match(line) is { Success: true } m)
                steps.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return steps;
    }

    /// <summary>
    /// The levels of "## Step n" in the chapter's hints.md: each "### Title" under it is one level,
    /// in the order written (concept, then API, then near-code).
    /// </summary>
    public static IReadOnlyList<Level> LevelsOf(Chapter chapter, int step)
    {
        var path = Path.Combine(chapter.Folder, Course.HintsFile);
        if (!File.Exists(path)) return [];
        var levels = new List<Level>();
        var inStep = false;
        string? title = null;
        var text = new List<string>();
        void Flush()
        {
            if (title is not null) levels.Add(new Level(title, Unwrap(text)));
            title = null;
            text.Clear();
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                inStep = StepHeading().Match(line) is { Success: true } m && m.Groups[1].Value == step.ToString(System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            if (!inStep) continue;
            if (line.StartsWith("### ", StringComparison.Ordinal)) { Flush(); title = line[4..].Trim(); continue; }
            if (title is not null) text.Add(line);
        }
        Flush();
        return levels;
    }

    // Prose is wrapped for the file's reader; the console wraps it again: join each paragraph's
    // lines. Code blocks keep their lines.
    static string Unwrap(List<string> lines)
    {
        var output = new List<string>();
        var inCode = false;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inCode = !inCode; output.Add(line); continue; }
            var joinable = !inCode && line.Trim().Length > 0 && output.Count > 0 && output[^1].Trim().Length > 0
                && !output[^1].TrimStart().StartsWith("```", StringComparison.Ordinal) && !line.TrimStart().StartsWith("- ", StringComparison.Ordinal);
            if (joinable) output[^1] += " " + line.Trim();
            else output.Add(inCode ? line : line.Trim());
        }
        return string.Join('\n', output).Trim();
    }

    /// <summary>The steps hints.md has sections for.</summary>
    public static IReadOnlyList<int> HintedSteps(Chapter chapter)
    {
        var path = Path.Combine(chapter.Folder, Course.HintsFile);
        return !File.Exists(path) ? [] : File.ReadLines(path).Select(l => StepHeading().Match(l)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>
    /// Where the learner writes step n: the first "TODO n" in the chapter's own .cs files (not its
    /// tests), as "exercises/NN-Topic/File.cs:line" relative to the chapter's parent of exercises/.
    /// </summary>
    public static string? WhereToWrite(Chapter chapter, int step)
    {
        var marker = TodoMarker(step);
        foreach (var file in Directory.EnumerateFiles(chapter.Folder, "*.cs").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (marker.IsMatch(line))
                    return $"{Course.ExercisesFolder}/{chapter.Id}/{Path.GetFileName(file)}:{number}";
            }
        }
        return null;
    }

    /// <summary>
    /// The chapter's files the learner writes (each holds a "TODO n" for some step) and the given
    /// ones (read them, do not change them). Tests are neither.
    /// </summary>
    /// <param name="recorded">The learner's files as the manifest recorded them from the stubs: once the
    /// learner has written a file, its TODOs may be gone.</param>
    public static (IReadOnlyList<string> Yours, IReadOnlyList<string> Given) Files(Chapter chapter, IReadOnlyCollection<string>? recorded = null)
    {
        var all = Directory.EnumerateFiles(chapter.Folder, "*.cs").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var yours = recorded is { Count: > 0 } ? all.Where(recorded.Contains).ToList()
            : all.Where(f => AnyTodo().IsMatch(File.ReadAllText(Path.Combine(chapter.Folder, f)))).ToList();
        return (yours, all.Except(yours).ToList());
    }

    [GeneratedRegex(@"\bTODO \d+\b")]
    private static partial Regex AnyTodo();

    static Regex TodoMarker(int step) => new($@"\bTODO {step}\b(?!\d)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^(\d+)\. ")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^## Step (\d+)\b")]
    private static partial Regex StepHeading();

    [GeneratedRegex(@"^\d+\.\s+\*\*(.+?)\*\*")]
    private static partial Regex StepTitle();
}
