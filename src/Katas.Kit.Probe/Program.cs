// Prints one line of JSON: what this build's libtorch can do here. Read by the grader (`katas doctor`,
// and `katas grade` on a GPU backend): {"backend", "loads", "problem", "torchSharp", "libTorch", "cuda", "device"}.
// Exit code 0 whatever it finds; the finding is the output.
using System.Reflection;
using System.Text.Json;
using Katas.Kit;

var loads = TorchRuntime.TryLoad(out var problem);
var cuda = false;
string? libTorch = null;
string? device = null;
if (loads)
{
    try
    {
        libTorch = TorchSharp.torch.__version__;
        cuda = TorchSharp.torch.cuda.is_available();
    }
    catch (Exception e) when (e is not OutOfMemoryException) { problem = e.Message; }
    // What KATAS_DEVICE picks here, or why it cannot (cuda asked for where there is none).
    try { device = Devices.Resolve(Environment.GetEnvironmentVariable(Devices.Variable) ?? "auto", cuda); }
    catch (Exception e) when (e is InvalidOperationException or ArgumentException) { device = "error: " + e.Message; }
}
var torchSharp = typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
Console.WriteLine(JsonSerializer.Serialize(new { backend = TorchRuntime.Backend, loads, problem, torchSharp, libTorch, cuda, device }));
return 0;
