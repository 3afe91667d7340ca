using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Katas.GpuAndCheckpoints;

/// <summary>
/// Given to you (not an exercise): the file a checkpoint lives in. A zip archive, as PyTorch's own
/// .pt files are, holding named parts (the record of what to build, the weights, the optimizer
/// state) and a SHA256SUMS entry with a checksum per part, so that a damaged file is recognised
/// before a single byte of it is trusted.
/// </summary>
/// <remarks>
/// You can look inside one: <c>unzip -l model.ckpt</c>; <c>unzip -p model.ckpt checkpoint.json</c>.
/// Parts are held in memory: fine for the katas' models; a multi-gigabyte model would stream instead.
/// </remarks>
public static class CheckpointArchive
{
    const string SumsEntry = "SHA256SUMS";

    /// <summary>Writes <paramref name="parts"/> (name -> bytes) and their checksums as a zip archive.</summary>
    public static void Write(Stream stream, IReadOnlyDictionary<string, byte[]> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sums = new StringBuilder();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, bytes) in parts)
        {
            using (var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open())
                entry.Write(bytes);
            sums.Append(Sha256(bytes)).Append("  ").Append(name).Append('\n'); // the format of `sha256sum`
        }
        using var sumsEntry = zip.CreateEntry(SumsEntry).Open();
        sumsEntry.Write(Encoding.UTF8.GetBytes(sums.ToString()));
    }

    /// <summary>Reads every part of the archive at <paramref name="path"/>, after checking it is whole and unchanged.</summary>
    /// <exception cref="CheckpointException">The file is missing, truncated, corrupt or not a checkpoint.</exception>
    public static IReadOnlyDictionary<string, byte[]> Read(string path)
    {
        if (!File.Exists(path))
            throw new CheckpointException($"There is no checkpoint at {path}. Check the path, or save one first.");
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            // A zip archive ends with its table of contents: a file cut short has none.
            throw new CheckpointException(
                $"{path} is not a complete checkpoint: it is truncated or corrupt ({e.Message}). This happens when a save " +
                "or a copy did not finish (a crash, a full disk). Load an earlier checkpoint, or save again.", e);
        }
        using (zip)
        {
            var parts = new Dictionary<string, byte[]>();
            foreach (var entry in zip.Entries)
                parts[entry.FullName] = ReadEntry(path, entry);
            if (!parts.Remove(SumsEntry, out var sums))
                throw new CheckpointException($"{path} is a zip archive but not a checkpoint: it has no {SumsEntry} entry. Write checkpoints with Checkpoint.Save.");
            Verify(path, parts, Encoding.UTF8.GetString(sums));
            return parts;
        }
    }

    static byte[] ReadEntry(string path, ZipArchiveEntry entry)
    {
        try
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new CheckpointException($"{path} is corrupt: its part '{entry.FullName}' cannot be read ({e.Message}). Load an earlier checkpoint.", e);
        }
    }

    static void Verify(string path, Dictionary<string, byte[]> parts, string sums)
    {
        var expected = sums.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split("  ", 2))
            .ToDictionary(f => f[^1], f => f[0]);
        foreach (var name in expected.Keys.Union(parts.Keys))
        {
            var problem = !parts.TryGetValue(name, out var bytes) ? "is listed in SHA256SUMS but missing"
                : !expected.TryGetValue(name, out var sum) ? "is not listed in SHA256SUMS"
                : sum != Sha256(bytes) ? "does not match the checksum recorded when it was saved"
                : null;
            if (problem is not null)
                throw new CheckpointException(
                    $"{path} is corrupt: its part '{name}' {problem}. The file changed after it was written (a disk or " +
                    "copy error). Do not use it: load an earlier checkpoint.");
        }
    }

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
