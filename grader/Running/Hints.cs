using System.Text.RegularExpressions;

namespace Katas.Grader.Running;

/// <summary>Hints come from the chapter's README: the step a failing test points to, and the Hints list.</summary>
public static partial class Hints
{
    public sealed record Hint(string? Step, IReadOnlyList<string> Tips);

    /// <param name="message">A failing test's message; "README step 3" in it selects step 3.</param>
    public static Hint For(Chapter chapter, string? message)
    {
        var readme = Path.Combine(chapter.Folder, "README.md");
        if (!File.Exists(readme)) return new(null, []);
        var lines = File.ReadAllLines(readme);
        string? step = null;
        if (message is not null && StepReference().Match(message) is { Success: true } m)
            step = Section(lines, "## Steps", l => l.StartsWith($"{m.Groups[1].Value}. ", StringComparison.Ordinal));
        var tips = Bullets(lines, "## Hints");
        return new(step, tips);
    }

    // The numbered item that starts with prefix, up to the next numbered item or heading.
    static string? Section(string[] lines, string heading, Func<string, bool> isStart)
    {
        var inSection = false;
        var collected = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) { if (collected.Count > 0) break; inSection = line.Trim() == heading; continue; }
            if (!inSection) continue;
            if (collected.Count == 0) { if (isStart(line)) collected.Add(line.Trim()); continue; }
            if (NumberedItem().IsMatch(line)) break;
            collected.Add(line.Trim());
        }
        return collected.Count == 0 ? null : string.Join(" ", collected.Where(l => l.Length > 0));
    }

    static List<string> Bullets(string[] lines, string heading)
    {
        var tips = new List<string>();
        var inSection = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) { inSection = line.Trim() == heading; continue; }
            if (!inSection) continue;
            if (line.StartsWith("- ", StringComparison.Ordinal)) tips.Add(line[2..].Trim());
            else if (tips.Count > 0 && line.StartsWith("  ", StringComparison.Ordinal)) tips[^1] += " " + line.Trim();
        }
        return tips;
    }

    [GeneratedRegex(@"README step (\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex StepReference();

    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex NumberedItem();
}
