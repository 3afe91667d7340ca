using Katas.Grader.Layout;
using System.IO.Compression;
using Katas.Grader.Running;

namespace Katas.Grader.Instructor;

/// <summary>
/// The entries of a submissions folder: every one is a row of the gradebook. A folder is a
/// student's copy of the course (a clone, or an unpacked zip with one top folder); a .zip is
/// unpacked by the grader (into its own run folder, never beside the zip); anything else is
/// flagged, never skipped. Only names starting with '.' (.DS_Store, .git) are not entries.
/// </summary>
public static class Submissions
{
    public sealed record Entry(string Student, string Path, bool IsZip);

    /// <summary>The limits of an unpacked zip: a course is a few MB of sources, never gigabytes.</summary>
    const long MaxUnpackedBytes = 512L * 1024 * 1024;
    const int MaxZipEntries = 20_000;

    public static IReadOnlyList<Entry> List(string folder)
    {
        var entries = Directory.EnumerateFileSystemEntries(folder)
            .Where(e => !System.IO.Path.GetFileName(e).StartsWith('.'))
            .Order(StringComparer.Ordinal).ToList();
        var folders = entries.Where(Directory.Exists).Select(System.IO.Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        return entries.Select(e =>
        {
            var name = System.IO.Path.GetFileName(e);
            var isZip = File.Exists(e) && name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            var stem = isZip ? name[..^4] : name;
            // alice/ beside alice.zip: two rows, told apart by the zip's full name.
            return new Entry(isZip && folders.Contains(stem) ? name : stem, e, isZip);
        }).ToList();
    }

    /// <summary>A student's course inside a folder: the folder itself, or its single top folder (a zip's usual shape).</summary>
    public static string? Root(string folder)
    {
        if (Directory.Exists(System.IO.Path.Combine(folder, Course.ExercisesFolder))) return folder;
        var inner = Directory.GetDirectories(folder)
            .Where(d => !System.IO.Path.GetFileName(d).StartsWith('.') && System.IO.Path.GetFileName(d) != "__MACOSX").ToList();
        return inner.Count == 1 && Directory.Exists(System.IO.Path.Combine(inner[0], Course.ExercisesFolder)) ? inner[0] : null;
    }

    /// <summary>Unpacks a zip into a new folder; a zip that is damaged, too big or escapes its folder is refused whole.</summary>
    public static string Unpack(string zip, string into)
    {
        try
        {
            using var archive = ZipFile.OpenRead(zip);
            if (archive.Entries.Count > MaxZipEntries)
                throw new GraderException($"{archive.Entries.Count} files in the zip; a course has far fewer (limit {MaxZipEntries})");
            var size = archive.Entries.Sum(e => e.Length);
            if (size > MaxUnpackedBytes)
                throw new GraderException($"{size / (1024 * 1024)} MB unpacked; a course is a few MB (limit {MaxUnpackedBytes / (1024 * 1024)} MB): " +
                                          "were build outputs or datasets zipped too?");
            if (Directory.Exists(into)) Directory.Delete(into, recursive: true);
            Directory.CreateDirectory(into);
            // .NET refuses entries whose path leaves the folder ("zip slip") with an IOException.
            archive.ExtractToDirectory(into, overwriteFiles: false);
            return into;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new GraderException($"the zip cannot be unpacked: {e.Message}");
        }
    }

    /// <summary>
    /// The commit a clone is at (12 hex digits), read from .git's files; null for a copy without
    /// history. No git process runs in a submission: its .git/config is the student's to write.
    /// </summary>
    public static string? Commit(string root)
    {
        try
        {
            var git = System.IO.Path.Combine(root, ".git");
            if (!Directory.Exists(git)) return null;
            var head = File.ReadAllText(System.IO.Path.Combine(git, "HEAD")).Trim();
            if (head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                var name = head[5..].Trim();
                if (name.Contains("..", StringComparison.Ordinal)) return null;
                var loose = System.IO.Path.Combine(git, name);
                head = File.Exists(loose) ? File.ReadAllText(loose).Trim()
                    : File.Exists(System.IO.Path.Combine(git, "packed-refs"))
                        ? File.ReadLines(System.IO.Path.Combine(git, "packed-refs")).Select(l => l.Split(' '))
                            .FirstOrDefault(p => p.Length == 2 && p[1] == name)?[0] ?? ""
                        : "";
            }
            return head.Length >= 12 && head.All(Uri.IsHexDigit) ? head[..12] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
