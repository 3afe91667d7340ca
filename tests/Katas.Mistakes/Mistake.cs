namespace Katas.Mistakes;

/// <summary>One hunk of a mistake's diff: consecutive lines of the solution and what replaces them.</summary>
public sealed record Hunk(IReadOnlyList<string> Before, IReadOnlyList<string> After);

/// <summary>
/// A plausible learner mistake, kept as a change to a chapter's reference solution, with the test
/// that must reject it and the words its failure message must hold (tests/README.md).
/// </summary>
/// <param name="Chapter">The chapter's folder name, "02-MnistCnn".</param>
/// <param name="Id">Unique in its chapter: "no-train-mode".</param>
/// <param name="File">The solution file it changes, relative to solutions/&lt;chapter&gt;/.</param>
/// <param name="Test">The test that must fail: "Class.Method".</param>
/// <param name="Words">A phrase the failure message must contain (case-insensitive).</param>
public sealed record Mistake(string Chapter, string Id, string Title, string Why, string File, string Test, string Words,
    IReadOnlyList<Hunk> Hunks, int Line)
{
    public string Name => $"{Chapter}/{Id}";

    /// <summary>The test's class name and method name.</summary>
    public (string Class, string Method) TestParts
    {
        get
        {
            var dot = Test.LastIndexOf('.');
            return dot <= 0 ? ("", Test) : (Test[..dot], Test[(dot + 1)..]);
        }
    }

    /// <summary>
    /// The solution's text with every hunk applied. Each hunk's old lines (context and removed) must
    /// match exactly one run of consecutive lines of the file, compared with surrounding whitespace
    /// trimmed; otherwise the entry is wrong (the solution changed under it) and this says where.
    /// </summary>
    public string ApplyTo(string solution)
    {
        var newline = solution.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = solution.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        foreach (var (hunk, number) in Hunks.Select((h, i) => (h, i + 1)))
        {
            var at = Matches(lines, hunk.Before);
            if (at.Count != 1)
                throw new CatalogueException($"{Name}: hunk {number} of {Hunks.Count} matches {at.Count} places in {File} (it must match exactly one); " +
                                             $"its first line: \"{(hunk.Before.Count > 0 ? hunk.Before[0].Trim() : "")}\"");
            lines.RemoveRange(at[0], hunk.Before.Count);
            lines.InsertRange(at[0], hunk.After);
        }
        return string.Join(newline, lines);
    }

    static List<int> Matches(List<string> lines, IReadOnlyList<string> wanted)
    {
        var found = new List<int>();
        if (wanted.Count == 0) return found;
        for (var start = 0; start + wanted.Count <= lines.Count; start++)
        {
            var all = true;
            for (var i = 0; i < wanted.Count && all; i++)
                all = string.Equals(lines[start + i].Trim(), wanted[i].Trim(), StringComparison.Ordinal);
            if (all) found.Add(start);
        }
        return found;
    }
}

/// <summary>A catalogue file that cannot be read or applied: says the file, the entry and what is wrong.</summary>
public sealed class CatalogueException(string message) : Exception(message);
