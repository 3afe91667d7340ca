using Katas.Mistakes;

// katas-mistakes [CHAPTER ...] [--list] [--catalogue DIR]
//   CHAPTER: a number (2) or a folder name (02-MnistCnn); none: every chapter with a catalogue.
//   --list: parse the catalogues and check that every diff applies, without building anything.
//   --catalogue DIR: read NN-Topic.md files from DIR instead (a draft of new entries).
// Exit code: 0 when every mistake is caught with its words, 1 when one is not, 2 on bad input.
var repo = FindRepo();
if (repo is null)
{
    Console.Error.WriteLine("katas-mistakes: run me inside the course (a folder with Katas.sln and tests/Katas.Mistakes/catalogue).");
    return 2;
}
var listOnly = args.Contains("--list");
var folderAt = Array.IndexOf(args, "--catalogue");
if (folderAt >= 0 && folderAt + 1 >= args.Length)
{
    Console.Error.WriteLine("katas-mistakes: --catalogue needs a folder");
    return 2;
}
var folder = folderAt >= 0 ? Path.GetFullPath(args[folderAt + 1]) : Catalogue.Folder(repo);
var wanted = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (folderAt < 0 || i != folderAt + 1)).ToList();
var known = Catalogue.Chapters(folder);
var chapters = new List<string>();
foreach (var w in wanted)
{
    var match = known.Where(c => c == w || (int.TryParse(w, out var n) && c.StartsWith($"{n:00}-", StringComparison.Ordinal))).ToList();
    if (match.Count != 1)
    {
        Console.Error.WriteLine($"katas-mistakes: no catalogue for chapter '{w}'. Catalogues: {string.Join(", ", known)}");
        return 2;
    }
    chapters.Add(match[0]);
}
if (chapters.Count == 0) chapters.AddRange(known);

var all = new List<TrialResult>();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
foreach (var chapter in chapters)
{
    IReadOnlyList<Mistake> mistakes;
    try
    {
        mistakes = Catalogue.Load(folder, chapter);
        foreach (var m in mistakes)
            m.ApplyTo(File.ReadAllText(Path.Combine(repo, "solutions", chapter, m.File)));
    }
    catch (Exception e) when (e is CatalogueException or IOException)
    {
        Console.Error.WriteLine($"katas-mistakes: {e.Message}");
        return 2;
    }
    Console.WriteLine($"== {chapter}: {mistakes.Count} mistakes");
    if (listOnly)
    {
        foreach (var m in mistakes) Console.WriteLine($"  {m.Id}: {m.Title} ({m.File}; caught by {m.Test}, words \"{m.Words}\")");
        continue;
    }
    all.AddRange(await new Trial(repo, line => Console.WriteLine("  " + line)).RunAsync(chapter, mistakes, cancel.Token));
}
if (listOnly) return 0;

Console.WriteLine();
Console.WriteLine("| chapter | mistakes | caught with their words |");
Console.WriteLine("|---|---:|---:|");
foreach (var group in all.GroupBy(r => r.Mistake.Chapter))
    Console.WriteLine($"| {group.Key} | {group.Count()} | {group.Count(r => r.Verdict == Verdict.Caught)} |");
var bad = all.Where(r => r.Verdict != Verdict.Caught).ToList();
foreach (var r in bad) Console.WriteLine($"{Trial.Words(r.Verdict)}: {r.Mistake.Name} — {r.Mistake.Title}\n    {r.Detail.Replace("\n", "\n    ", StringComparison.Ordinal)}");
Console.WriteLine(bad.Count == 0 ? $"every one of the {all.Count} mistakes was caught with its words" : $"{bad.Count} of {all.Count} mistakes not caught with their words");
return bad.Count == 0 ? 0 : 1;

static string? FindRepo()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Katas.sln")) && Directory.Exists(Catalogue.Folder(dir.FullName)))
                return dir.FullName;
    return null;
}
