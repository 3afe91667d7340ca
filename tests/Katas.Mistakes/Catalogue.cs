using System.Text.RegularExpressions;

namespace Katas.Mistakes;

/// <summary>
/// Reads catalogue/NN-Topic.md: one "## id — title" section per mistake, a sentence or two on why
/// learners make it, the fields "- file:", "- test:", "- words:", and one ```diff block whose
/// lines start with '-' (removed), '+' (added) or ' ' (context); "@@" separates hunks.
/// </summary>
public static partial class Catalogue
{
    /// <summary>Where the catalogue files are, beside this program's project.</summary>
    public static string Folder(string repo) => Path.Combine(repo, "tests", "Katas.Mistakes", "catalogue");

    /// <summary>The chapters that have a catalogue in <paramref name="folder"/>, by folder name, in order.</summary>
    public static IReadOnlyList<string> Chapters(string folder) =>
        !Directory.Exists(folder) ? []
            : [.. Directory.EnumerateFiles(folder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<Mistake> Load(string folder, string chapter) =>
        Parse(chapter, File.ReadAllText(Path.Combine(folder, chapter + ".md")));

    public static IReadOnlyList<Mistake> Parse(string chapter, string text)
    {
        var mistakes = new List<Mistake>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var i = 0;
        while (i < lines.Length)
        {
            if (!lines[i].StartsWith("## ", StringComparison.Ordinal)) { i++; continue; }
            var start = i;
            var heading = Heading().Match(lines[i]);
            if (!heading.Success)
                throw new CatalogueException($"{chapter}.md line {i + 1}: a mistake's heading reads \"## id — title\" (id in lower-case-with-dashes): \"{lines[i]}\"");
            var (id, title) = (heading.Groups[1].Value, heading.Groups[2].Value.Trim());
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var why = new List<string>();
            List<Hunk>? hunks = null;
            i++;
            while (i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                var line = lines[i];
                if (Field().Match(line) is { Success: true } f) { fields[f.Groups[1].Value] = Unquote(f.Groups[2].Value.Trim()); i++; }
                else if (line.TrimStart().StartsWith("```diff", StringComparison.Ordinal))
                {
                    if (hunks is not null) throw new CatalogueException($"{chapter}.md, {id}: one ```diff block per mistake (use a line @@ between hunks)");
                    (hunks, i) = ReadDiff(chapter, id, lines, i + 1);
                }
                else
                {
                    if (line.Trim().Length > 0 && fields.Count == 0) why.Add(line.Trim());
                    i++;
                }
            }
            string Need(string name) => fields.TryGetValue(name, out var v) && v.Length > 0 ? v
                : throw new CatalogueException($"{chapter}.md, {id}: the field \"- {name}:\" is missing");
            if (hunks is null) throw new CatalogueException($"{chapter}.md, {id}: no ```diff block");
            if (mistakes.Any(m => m.Id == id)) throw new CatalogueException($"{chapter}.md: the id {id} is used twice");
            mistakes.Add(new Mistake(chapter, id, title, string.Join(' ', why), Need("file"), Need("test"), Need("words"), hunks, start + 1));
        }
        return mistakes;
    }

    static (List<Hunk>, int) ReadDiff(string chapter, string id, string[] lines, int i)
    {
        var hunks = new List<Hunk>();
        var before = new List<string>();
        var after = new List<string>();
        void Close()
        {
            if (before.Count == 0 && after.Count == 0) return;
            if (before.Count == 0) throw new CatalogueException($"{chapter}.md, {id}: a hunk needs at least one context or '-' line to find its place");
            if (before.SequenceEqual(after)) throw new CatalogueException($"{chapter}.md, {id}: a hunk that changes nothing");
            hunks.Add(new Hunk([.. before], [.. after]));
            before.Clear();
            after.Clear();
        }
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Close();
                if (hunks.Count == 0) throw new CatalogueException($"{chapter}.md, {id}: an empty ```diff block");
                return (hunks, i + 1);
            }
            if (line.StartsWith("@@", StringComparison.Ordinal)) { Close(); continue; }
            if (line.Length == 0) { before.Add(""); after.Add(""); continue; }
            var rest = line[1..];
            switch (line[0])
            {
                case ' ': before.Add(rest); after.Add(rest); break;
                case '-': before.Add(rest); break;
                case '+': after.Add(rest); break;
                default:
                    throw new CatalogueException($"{chapter}.md, {id}: a diff line starts with ' ', '-' or '+': \"{line}\"");
            }
        }
        throw new CatalogueException($"{chapter}.md, {id}: the ```diff block is not closed");
    }

    static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '`' && value[^1] == '`' ? value[1..^1] : value;

    [GeneratedRegex(@"^## ([a-z0-9]+(?:-[a-z0-9]+)*)\s+(?:—|--|-)\s+(.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^- (file|test|words):\s*(.*)$")]
    private static partial Regex Field();
}
