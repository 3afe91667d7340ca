using System.IO.Compression;
using System.Security.Cryptography;

namespace Katas.Kit.Data;

/// <summary>
/// Downloads dataset files into a local cache and verifies them before every use.
/// <list type="bullet">
/// <item>Every file is checked against the SHA-256 of datasets.json each time it is asked for.</item>
/// <item>Writes are atomic: a download goes to a temporary file that is renamed into place only
/// once verified, so no partial or corrupt file is ever visible under its real name.</item>
/// <item>Several processes (parallel test runs) may ask at once: a lock file per dataset makes one
/// download while the others wait, then find the verified files.</item>
/// </list>
/// </summary>
public sealed class DatasetCache
{
    /// <summary>Overrides the cache folder (default: data/cache in the repository).</summary>
    public const string DirectoryVariable = "KATAS_DATA_DIR";

    /// <summary>Replaces the manifest's mirrors: folders or http(s) URLs, separated by ';'.</summary>
    public const string MirrorVariable = "KATAS_DATA_MIRROR";

    static readonly HttpClient Http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) })
    {
        Timeout = TimeSpan.FromMinutes(10),
    };

    readonly DatasetManifest _manifest;
    readonly IReadOnlyList<string>? _mirrors;

    /// <param name="root">Cache folder.</param>
    /// <param name="mirrors">Mirrors to use instead of the manifest's (null: the manifest's).</param>
    /// <param name="manifest">The manifest (null: data/datasets.json as embedded in Kit).</param>
    public DatasetCache(string root, IReadOnlyList<string>? mirrors = null, DatasetManifest? manifest = null)
    {
        Root = Path.GetFullPath(root);
        _mirrors = mirrors is { Count: > 0 } ? mirrors : null;
        _manifest = manifest ?? DatasetManifest.Default;
    }

    /// <summary>The manifest this cache verifies against.</summary>
    public DatasetManifest Manifest => _manifest;

    /// <summary>The cache folder.</summary>
    public string Root { get; }

    /// <summary>Where progress lines go (downloads only; a verified cache is silent).</summary>
    public Action<string> Log { get; init; } = line => Console.Error.WriteLine(line);

    /// <summary>The cache configured by the environment (KATAS_DATA_DIR, KATAS_DATA_MIRROR).</summary>
    public static DatasetCache FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } dir ? dir : DefaultRoot(),
            MirrorsFromEnvironment());

    /// <summary>The mirrors KATAS_DATA_MIRROR names (';'-separated), or null for the manifest's own.</summary>
    public static IReadOnlyList<string>? MirrorsFromEnvironment() => ParseMirrors(Environment.GetEnvironmentVariable(MirrorVariable));

    internal static IReadOnlyList<string>? ParseMirrors(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>data/cache in the repository the program runs from; else the user's cache folder.</summary>
    public static string DefaultRoot() =>
        RepoPaths.Root is { } root ? Path.Combine(root, "data", "cache")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "katas", "data");

    /// <summary>The folder a dataset's files live in (whether or not they are there yet).</summary>
    public string FolderOf(string dataset) => Path.Combine(Root, _manifest[dataset].Folder);

    /// <summary>The mirrors this cache tries, in order.</summary>
    public IReadOnlyList<string> MirrorsOf(string dataset) => _mirrors ?? _manifest[dataset].Mirrors;

    /// <summary>
    /// Makes every file of the dataset present and verified; returns the dataset's folder.
    /// Throws <see cref="DatasetException"/> (or a subclass) with a message that says what to do.
    /// </summary>
    public string Ensure(string dataset, CancellationToken cancel = default) =>
        EnsureAsync(dataset, cancel).GetAwaiter().GetResult();

    /// <inheritdoc cref="Ensure"/>
    public async Task<string> EnsureAsync(string dataset, CancellationToken cancel = default)
    {
        var info = _manifest[dataset];
        var folder = FolderOf(dataset);

        // Fast path, no lock: files only ever appear complete (rename), so reading is always safe.
        if (info.Files.All(f => IsValid(Path.Combine(folder, f.Name), f))) return folder;

        Directory.CreateDirectory(folder);
        using var _ = await AcquireLockAsync(Path.Combine(folder, ".lock"), cancel).ConfigureAwait(false);
        foreach (var file in info.Files)
        {
            var target = Path.Combine(folder, file.Name);
            if (IsValid(target, file)) continue; // another process may have fetched it meanwhile
            if (File.Exists(target))
                Log($"katas: {dataset}/{file.Name} in the cache does not match its checksum; fetching it again.");
            await FetchAsync(dataset, file, target, cancel).ConfigureAwait(false);
        }
        return folder;
    }

    // Files this process has hashed, with the size and time they had then: hashing 55 MB on every
    // Mnist.Load would cost more than the load itself. A file that changes is hashed again.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Length, DateTime Written, string Sha256)> Verified = new();

    /// <summary>True when the file exists with the manifest's size and SHA-256.</summary>
    public static bool IsValid(string path, DatasetFile file)
    {
        var fi = new FileInfo(path);
        if (!fi.Exists || fi.Length != file.Bytes) return false;
        if (Verified.TryGetValue(fi.FullName, out var seen) && seen.Length == fi.Length && seen.Written == fi.LastWriteTimeUtc
            && seen.Sha256 == file.Sha256)
            return true;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        if (Convert.ToHexStringLower(SHA256.HashData(stream)) != file.Sha256) return false;
        Verified[fi.FullName] = (fi.Length, fi.LastWriteTimeUtc, file.Sha256);
        return true;
    }

    async Task FetchAsync(string dataset, DatasetFile file, string target, CancellationToken cancel)
    {
        var attempts = new List<string>();
        (string Source, string Actual)? mismatch = null;
        foreach (var mirror in MirrorsOf(dataset))
        {
            var source = Combine(mirror, file.Source);
            var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{file.Name}.{Guid.NewGuid():N}.partial");
            try
            {
                Log($"katas: fetching {dataset}/{file.Name} from {source}");
                var (bytes, sha) = await CopyVerifyingAsync(source, file, temp, cancel).ConfigureAwait(false);
                if (bytes == file.Bytes && sha == file.Sha256)
                {
                    File.Move(temp, target, overwrite: true);
                    return;
                }
                attempts.Add(bytes < file.Bytes
                    ? $"{source}: truncated download ({bytes:N0} of {file.Bytes:N0} bytes, sha256 {sha})"
                    : $"{source}: checksum mismatch ({bytes:N0} bytes with sha256 {sha}; expected {file.Bytes:N0} bytes with sha256 {file.Sha256})");
                mismatch = (source, sha);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or InvalidDataException
                                          or UnauthorizedAccessException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
                attempts.Add($"{source}: {Describe(e)}");
            }
            finally
            {
                TryDelete(temp);
            }
        }

        var tried = string.Join("", attempts.Select(a => "\n  - " + a));
        var fix = $"\nFix: check your connection, or set {MirrorVariable} to a folder or http(s) URL that holds {file.Source} " +
                  $"(several separated by ';'), or copy a good {file.Name} into {Path.GetDirectoryName(target)}. Nothing was written to the cache.";
        if (mismatch is { } m)
            throw new ChecksumMismatchException(file.Name, m.Source, file.Sha256, m.Actual, attempts,
                $"Checksum mismatch for {dataset}/{file.Name}: expected sha256 {file.Sha256}, got {m.Actual} from {m.Source}. " +
                $"Tried:{tried}{fix}");
        throw new DatasetUnavailableException(file.Name, attempts,
            $"No mirror could deliver {dataset}/{file.Name}. Tried:{tried}{fix}");
    }

    /// <summary>Copies source to temp (gunzipping .gz), hashing the payload on the way.</summary>
    static async Task<(long Bytes, string Sha256)> CopyVerifyingAsync(string source, DatasetFile file, string temp, CancellationToken cancel)
    {
        await using var raw = await OpenAsync(source, cancel).ConfigureAwait(false);
        await using var payload = file.Source.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = await payload.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancel).ConfigureAwait(false);
            total += read;
            if (total > file.Bytes * 4 + (1 << 20)) break; // a wrong file; no need to read it all
        }
        await output.FlushAsync(cancel).ConfigureAwait(false);
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    static async Task<Stream> OpenAsync(string source, CancellationToken cancel)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.IsFile)
            return new FileStream(uri?.LocalPath ?? source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var response = await Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
        return await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
    }

    static string Combine(string mirror, string name) =>
        mirror.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || mirror.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? mirror.TrimEnd('/') + "/" + name
            : Path.Combine(Path.GetFullPath(mirror), name);

    static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "not found",
        HttpRequestException { StatusCode: { } code } h => h.Message + (code == System.Net.HttpStatusCode.NotFound ? " (not on this mirror)" : ""),
        HttpRequestException h => "unreachable (" + (h.InnerException?.Message ?? h.Message) + ")",
        TaskCanceledException => "timed out",
        InvalidDataException or EndOfStreamException => "corrupt or truncated download (" + e.Message + ")",
        _ => e.Message,
    };

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>An exclusive lock shared by processes: an open file with FileShare.None.</summary>
    static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancel)
    {
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited < TimeSpan.FromMinutes(30))
            {
                await Task.Delay(step, cancel).ConfigureAwait(false);
                waited += step;
            }
        }
    }
}
