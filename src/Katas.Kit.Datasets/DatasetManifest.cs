using System.Text.Json;
using System.Text.Json.Serialization;

namespace Katas.Kit.Data;

/// <summary>One file of a dataset: its name in the cache, its name on a mirror, and its fingerprint.</summary>
/// <param name="Name">File name in the cache (the decompressed payload).</param>
/// <param name="Source">File name on a mirror; a name ending in .gz is decompressed on the way in.</param>
/// <param name="Bytes">Size of the decompressed payload.</param>
/// <param name="Sha256">SHA-256 of the decompressed payload, lower-case hex. Verifying the payload,
/// not the archive, makes the check independent of how a mirror compressed it.</param>
public sealed record DatasetFile(string Name, string Source, long Bytes, string Sha256);

/// <summary>A dataset: where it lives in the cache, where it can be fetched, and its files.</summary>
public sealed record DatasetInfo(string Title, string Folder, IReadOnlyList<string> Mirrors, IReadOnlyList<DatasetFile> Files);

/// <summary>data/datasets.json: what the katas download. Kit embeds a copy at build time.</summary>
public sealed record DatasetManifest(IReadOnlyDictionary<string, DatasetInfo> Datasets)
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    static readonly Lazy<DatasetManifest> Embedded = new(() =>
    {
        using var stream = typeof(DatasetManifest).Assembly.GetManifestResourceStream("Katas.Kit.datasets.json")
            ?? throw new InvalidOperationException("Katas.Kit was built without data/datasets.json embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    /// <summary>The manifest this build of Kit carries (data/datasets.json).</summary>
    public static DatasetManifest Default => Embedded.Value;

    public static DatasetManifest Parse(string json) =>
        JsonSerializer.Deserialize<DatasetManifest>(json, Options)
        ?? throw new InvalidDataException("datasets.json is empty.");

    public DatasetInfo this[string dataset] =>
        Datasets.TryGetValue(dataset, out var info) ? info
        : throw new KeyNotFoundException($"No dataset '{dataset}' in datasets.json (known: {string.Join(", ", Datasets.Keys)}).");
}
