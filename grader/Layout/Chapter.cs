using System.Text.RegularExpressions;

namespace Katas.Grader.Layout;

/// <summary>A chapter on disk: exercises/NN-Topic/ with one project file.</summary>
public sealed partial record Chapter(string Id, int Number, string Title, string Folder, string Project)
{
    /// <summary>The project's name: also the name of its test assembly and its artifacts folder.</summary>
    public string ProjectName => Path.GetFileNameWithoutExtension(Project);

    /// <summary>
    /// The datasets its tests read (the project's &lt;KataDatasets&gt;, ';'-separated names of
    /// data/datasets.json): fetched before a sandboxed run, which has no network.
    /// </summary>
    public IReadOnlyList<string> Datasets
    {
        get
        {
            try
            {
                var value = System.Xml.Linq.XDocument.Load(Project).Descendants("KataDatasets").FirstOrDefault()?.Value ?? "";
                return value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
            catch (System.Xml.XmlException) { return []; }
        }
    }

    /// <summary>The chapters of a repository, in order; each has exactly one .csproj.</summary>
    public static IReadOnlyList<Chapter> All(string repo)
    {
        var exercises = Path.Combine(repo, Course.ExercisesFolder);
        if (!Directory.Exists(exercises)) return [];
        return Directory.GetDirectories(exercises)
            .Select(dir => (dir, match: Numbered().Match(Path.GetFileName(dir))))
            .Where(x => x.match.Success && Directory.GetFiles(x.dir, "*.csproj").Length == 1)
            .Select(x => new Chapter(Path.GetFileName(x.dir), int.Parse(x.match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                TitleOf(x.dir), x.dir, Directory.GetFiles(x.dir, "*.csproj")[0]))
            .OrderBy(c => c.Number).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The chapters asked for: all, or those whose number or id is listed.</summary>
    public static IReadOnlyList<Chapter> Select(string repo, IReadOnlyCollection<string> wanted)
    {
        var all = All(repo);
        if (wanted.Count == 0) return all;
        var chosen = new List<Chapter>();
        foreach (var w in wanted)
        {
            var match = all.FirstOrDefault(c => c.Id.Equals(w, StringComparison.OrdinalIgnoreCase)
                || int.TryParse(w, out var n) && c.Number == n)
                ?? throw new GraderException($"No chapter '{w}'. Chapters: {string.Join(", ", all.Select(c => c.Id))}.");
            if (!chosen.Contains(match)) chosen.Add(match);
        }
        return chosen;
    }

    // "# Chapter 1 — A simple classifier" gives "A simple classifier".
    static string TitleOf(string dir)
    {
        var readme = Path.Combine(dir, Course.ReadmeFile);
        if (File.Exists(readme))
        {
            var heading = File.ReadLines(readme).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
            if (heading is not null)
            {
                var title = heading[2..].Trim();
                var dash = title.IndexOfAny(['—', '–', ':']);
                return dash >= 0 ? title[(dash + 1)..].Trim() : title;
            }
        }
        return Path.GetFileName(dir);
    }

    [GeneratedRegex(@"^(\d+)-")]
    private static partial Regex Numbered();
}
