using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Katas.Kit.Tests;

/// <summary>
/// A dataset mirror on 127.0.0.1 for the tests: serves given bytes under given names, answers 404
/// for anything else, counts requests, and can be slowed down to make downloads overlap.
/// </summary>
internal sealed class LocalMirror : IDisposable
{
    readonly HttpListener _listener = new();
    readonly Dictionary<string, byte[]> _files;
    readonly Task _loop;

    public LocalMirror(Dictionary<string, byte[]> files, TimeSpan? delayPerResponse = null)
    {
        _files = files;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        var delay = delayPerResponse ?? TimeSpan.Zero;
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                _ = Task.Run(async () => await Answer(context, delay));
            }
        });
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/";
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    async Task Answer(HttpListenerContext context, TimeSpan delay)
    {
        var name = context.Request.Url!.AbsolutePath.TrimStart('/');
        Requests.AddOrUpdate(name, 1, (_, n) => n + 1);
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay);
            if (!_files.TryGetValue(name, out var body))
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                return;
            }
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException) { }
    }

    /// <summary>A port nothing listens on (for "unreachable mirror").</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
