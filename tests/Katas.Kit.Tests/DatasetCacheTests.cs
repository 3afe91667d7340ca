using System.Diagnostics;
using Katas.Kit.Data;

namespace Katas.Kit.Tests;

public sealed class DatasetCacheTests : IDisposable
{
    readonly FakeDataset _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_good_mirror_fills_the_cache_with_the_verified_decompressed_files()
    {
        using var mirror = new LocalMirror(_data.GoodFiles());

        var folder = _data.CacheFor(mirror.Url).Ensure(FakeDataset.Name);

        folder.ShouldBe(Path.GetDirectoryName(_data.FileInCache("images")));
        File.ReadAllBytes(_data.FileInCache("images")).ShouldBe(_data.Images, "the .gz is stored decompressed");
        File.ReadAllBytes(_data.FileInCache("labels")).ShouldBe(_data.Labels);
        _data.CacheContents().ShouldBe(["images", "labels"], "no temporary file may remain");
    }

    [Fact]
    public void A_verified_cache_is_used_without_asking_any_mirror()
    {
        using var mirror = new LocalMirror(_data.GoodFiles());
        var cache = _data.CacheFor(mirror.Url);
        cache.Ensure(FakeDataset.Name);
        var requests = mirror.Requests.Values.Sum();

        cache.Ensure(FakeDataset.Name);

        mirror.Requests.Values.Sum().ShouldBe(requests);
    }

    [Fact]
    public void A_corrupt_file_on_the_mirror_fails_with_file_expected_and_actual_checksum_and_writes_nothing()
    {
        var files = _data.GoodFiles();
        var corrupt = (byte[])_data.Labels.Clone();
        corrupt[100] ^= 0xFF;
        files["labels"] = corrupt;
        using var mirror = new LocalMirror(files);

        var error = Should.Throw<ChecksumMismatchException>(() => _data.CacheFor(mirror.Url).Ensure(FakeDataset.Name));

        error.File.ShouldBe("labels");
        error.Expected.ShouldBe(FakeDataset.Sha(_data.Labels));
        error.Actual.ShouldBe(FakeDataset.Sha(corrupt));
        error.Message.ShouldContain("labels");
        error.Message.ShouldContain(error.Expected);
        error.Message.ShouldContain(error.Actual);
        error.Message.ShouldContain(DatasetCache.MirrorVariable, customMessage: "the message says how to fix it");
        File.Exists(_data.FileInCache("labels")).ShouldBeFalse("a file that failed verification is never stored");
        _data.CacheContents().ShouldBe(["images"], "the good file stays; no partial file remains");
    }

    [Fact]
    public void A_truncated_archive_is_reported_as_a_corrupt_download_and_nothing_is_stored()
    {
        var files = _data.GoodFiles();
        files["images.gz"] = _data.ImagesGz[..(_data.ImagesGz.Length / 2)];
        using var mirror = new LocalMirror(files);

        var error = Should.Throw<DatasetUnavailableException>(() => _data.CacheFor(mirror.Url).Ensure(FakeDataset.Name));

        error.File.ShouldBe("images");
        error.Message.ShouldContain("truncated");
        _data.CacheContents().ShouldBeEmpty("the first file failed, so nothing is written");
    }

    [Fact]
    public void A_file_missing_from_the_mirror_is_reported_with_the_http_status()
    {
        using var mirror = new LocalMirror(new Dictionary<string, byte[]> { ["labels"] = _data.Labels });

        var error = Should.Throw<DatasetUnavailableException>(() => _data.CacheFor(mirror.Url).Ensure(FakeDataset.Name));

        error.ShouldNotBeOfType<ChecksumMismatchException>();
        error.Attempts.Single().ShouldContain("404");
        error.Message.ShouldContain("No mirror could deliver fake/images");
    }

    [Fact]
    public void No_reachable_mirror_gives_one_clear_error_listing_every_mirror_tried()
    {
        var closed1 = $"http://127.0.0.1:{LocalMirror.FreePort()}/";
        var closed2 = Path.Combine(_data.Folder, "no-such-folder");

        var error = Should.Throw<DatasetUnavailableException>(() => _data.CacheFor(closed1, closed2).Ensure(FakeDataset.Name));

        error.Attempts.Count.ShouldBe(2);
        error.Attempts[0].ShouldContain("unreachable");
        error.Attempts[1].ShouldContain("not found");
        error.Message.ShouldContain(DatasetCache.MirrorVariable);
    }

    [Fact]
    public void The_next_mirror_is_tried_when_one_fails()
    {
        using var empty = new LocalMirror([]);
        using var good = new LocalMirror(_data.GoodFiles());

        _data.CacheFor(empty.Url, good.Url).Ensure(FakeDataset.Name);

        File.ReadAllBytes(_data.FileInCache("images")).ShouldBe(_data.Images);
        empty.Requests.Keys.ShouldContain("images.gz");
    }

    [Fact]
    public void A_folder_works_as_a_mirror()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_data.Folder, "mirror")).FullName;
        foreach (var (name, bytes) in _data.GoodFiles()) File.WriteAllBytes(Path.Combine(folder, name), bytes);

        _data.CacheFor(folder).Ensure(FakeDataset.Name);

        File.ReadAllBytes(_data.FileInCache("labels")).ShouldBe(_data.Labels);
    }

    [Fact]
    public void A_corrupted_file_in_the_cache_is_detected_and_fetched_again()
    {
        using var mirror = new LocalMirror(_data.GoodFiles());
        var cache = _data.CacheFor(mirror.Url);
        cache.Ensure(FakeDataset.Name);
        var bytes = File.ReadAllBytes(_data.FileInCache("labels"));
        bytes[0] ^= 0xFF;
        File.WriteAllBytes(_data.FileInCache("labels"), bytes);

        cache.Ensure(FakeDataset.Name);

        File.ReadAllBytes(_data.FileInCache("labels")).ShouldBe(_data.Labels);
        mirror.Requests["labels"].ShouldBe(2);
    }

    [Fact]
    public async Task Two_processes_fetching_at_once_share_one_download_and_both_succeed()
    {
        // Slow responses make the two processes overlap for certain.
        using var mirror = new LocalMirror(_data.GoodFiles(), delayPerResponse: TimeSpan.FromMilliseconds(700));
        var manifest = Path.Combine(_data.Folder, "manifest.json");
        await File.WriteAllTextAsync(manifest, _data.ManifestJson(mirror.Url), TestContext.Current.CancellationToken);

        var runs = Enumerable.Range(0, 2).Select(_ => RunFetch(manifest, mirror.Url)).ToArray();
        var results = await Task.WhenAll(runs);

        foreach (var (exitCode, output) in results)
            exitCode.ShouldBe(0, output);
        mirror.Requests["images.gz"].ShouldBe(1, "the second process waits for the first and finds the verified file");
        mirror.Requests["labels"].ShouldBe(1);
        File.ReadAllBytes(_data.FileInCache("images")).ShouldBe(_data.Images);
        _data.CacheContents().ShouldBe(["images", "labels"]);
    }

    async Task<(int ExitCode, string Output)> RunFetch(string manifest, string mirror)
    {
        // Built beside the tests: artifacts/bin/Katas.Kit.Fetch/<same configuration folder>/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var fetch = Path.Combine(AppContext.BaseDirectory, "..", "..", "Katas.Kit.Fetch", configuration, "Katas.Kit.Fetch.dll");
        File.Exists(fetch).ShouldBeTrue($"{fetch} should have been built with the tests");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { fetch, manifest, FakeDataset.Name, _data.Cache, mirror }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
