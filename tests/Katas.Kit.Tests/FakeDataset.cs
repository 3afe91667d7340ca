using System.IO.Compression;
using System.Security.Cryptography;
using Katas.Kit.Data;

namespace Katas.Kit.Tests;

/// <summary>
/// A small dataset for the download tests: one gzipped file and one plain file, with a manifest
/// that names their true size and SHA-256, and a fresh cache folder per test.
/// </summary>
internal sealed class FakeDataset : IDisposable
{
    public const string Name = "fake";

    public FakeDataset(int size = 200_000)
    {
        var random = new Random(size);
        Images = new byte[size];
        random.NextBytes(Images);
        Labels = new byte[size / 100];
        random.NextBytes(Labels);
        Folder = Directory.CreateTempSubdirectory("katas-kit-tests-").FullName;
        Cache = Path.Combine(Folder, "cache");
    }

    public byte[] Images { get; }
    public byte[] Labels { get; }
    public string Folder { get; }
    public string Cache { get; }

    public byte[] ImagesGz => Gzip(Images);

    /// <summary>What a good mirror holds.</summary>
    public Dictionary<string, byte[]> GoodFiles() => new() { ["images.gz"] = ImagesGz, ["labels"] = Labels };

    public DatasetManifest Manifest(params string[] mirrors) => new(new Dictionary<string, DatasetInfo>
    {
        [Name] = new("A fake dataset", "fake/files", mirrors,
        [
            new("images", "images.gz", Images.Length, Sha(Images)),
            new("labels", "labels", Labels.Length, Sha(Labels)),
        ]),
    });

    static readonly System.Text.Json.JsonSerializerOptions Json = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase };

    public string ManifestJson(params string[] mirrors) => System.Text.Json.JsonSerializer.Serialize(Manifest(mirrors), Json);

    public DatasetCache CacheFor(params string[] mirrors) =>
        new(Cache, mirrors, Manifest(mirrors)) { Log = _ => { } };

    public string FileInCache(string name) => Path.Combine(Cache, "fake", "files", name);

    /// <summary>Everything in the cache folder except the lock file: no partial files may remain.</summary>
    public string[] CacheContents() =>
        Directory.Exists(Path.Combine(Cache, "fake", "files"))
            ? Directory.GetFiles(Path.Combine(Cache, "fake", "files")).Select(f => Path.GetFileName(f)).Where(n => n != ".lock").Order().ToArray()
            : [];

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(bytes);
        return output.ToArray();
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
