using Katas.Grader.Layout;
namespace Katas.Grader.Running;

/// <summary>
/// Tells when a .cs file in a folder is saved. File-system events where they work; polling (every
/// second, comparing the files' sizes and times) where they do not: some network drives, Docker
/// volumes and WSL mounts never raise events, and a watcher can overflow.
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    readonly string _folder;
    readonly TimeSpan _quiet;
    readonly SemaphoreSlim _changed = new(0);
    FileSystemWatcher? _watcher;
    string _snapshot;

    /// <param name="poll">Poll instead of relying on file-system events.</param>
    /// <param name="quiet">Wait until saving has been quiet this long (editors write in bursts).</param>
    public ChangeWatcher(string folder, bool poll, TimeSpan? quiet = null)
    {
        _folder = folder;
        _quiet = quiet ?? TimeSpan.FromMilliseconds(200);
        _snapshot = Snapshot(folder);
        Polling = poll;
        if (poll) return;
        try
        {
            _watcher = new FileSystemWatcher(folder, "*.cs") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            _watcher.Changed += (_, e) => Signal(e.FullPath);
            _watcher.Created += (_, e) => Signal(e.FullPath);
            _watcher.Deleted += (_, e) => Signal(e.FullPath);
            _watcher.Renamed += (_, e) => Signal(e.FullPath);
            _watcher.Error += (_, _) => Polling = true; // overflow or a watcher that died: fall back
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException or UnauthorizedAccessException)
        {
            Polling = true; // e.g. inotify watch limit reached
        }
    }

    /// <summary>True when changes are found by polling.</summary>
    public bool Polling { get; private set; }

    void Signal(string path)
    {
        if (IsBuildOutput(path)) return;
        _changed.Release();
    }

    /// <summary>Waits for the next save (and for saving to go quiet).</summary>
    public async Task WaitForChangeAsync(CancellationToken cancel)
    {
        while (true)
        {
            if (Polling)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancel).ConfigureAwait(false);
                var now = Snapshot(_folder);
                if (now == _snapshot) continue;
                _snapshot = now;
            }
            else
            {
                // Wake up now and then, in case the watcher fell back to polling meanwhile.
                if (!await _changed.WaitAsync(TimeSpan.FromSeconds(2), cancel).ConfigureAwait(false)) continue;
            }
            // Let a burst of writes settle, then swallow the events it raised.
            await Task.Delay(_quiet, cancel).ConfigureAwait(false);
            while (_changed.CurrentCount > 0) await _changed.WaitAsync(cancel).ConfigureAwait(false);
            _snapshot = Snapshot(_folder);
            return;
        }
    }

    static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    static string Snapshot(string folder) => string.Join("|",
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)).Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f)).Select(f => $"{f.FullName}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));

    public void Dispose()
    {
        _watcher?.Dispose();
        _changed.Dispose();
    }
}
