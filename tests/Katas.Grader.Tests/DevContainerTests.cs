using System.Text.Json;
using System.Text.RegularExpressions;

namespace Katas.Grader.Tests;

/// <summary>
/// .devcontainer/devcontainer.json, checked where no container runs: the image it names must be
/// one whose C++ runtime has GLIBCXX_3.4.32 (TorchSharp 0.107), judged by the operating system the
/// image's documentation gives for its tag, with the .NET SDK global.json asks for.
/// </summary>
public sealed partial class DevContainerTests
{
    /// <summary>
    /// The OS of each variant of mcr.microsoft.com/devcontainers/dotnet (devcontainers/images,
    /// src/dotnet/history), with the GCC whose libstdc++ it ships. GLIBCXX_3.4.32 arrived with GCC 13.
    /// </summary>
    static readonly Dictionary<string, (string Os, int Gcc)> Variants = new(StringComparer.Ordinal)
    {
        ["jammy"] = ("Ubuntu 22.04", 12),
        ["bookworm"] = ("Debian 12", 12),
        ["bookworm-slim"] = ("Debian 12", 12),
        ["noble"] = ("Ubuntu 24.04", 14),
        ["trixie"] = ("Debian 13", 14),
        ["trixie-slim"] = ("Debian 13", 14),
        ["resolute"] = ("Ubuntu 26.04", 16),
    };

    static string File(string relative) => Path.Combine(FixtureCourse.Repo, relative);

    static JsonElement Config() =>
        JsonDocument.Parse(System.IO.File.ReadAllText(File(".devcontainer/devcontainer.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement;

    /// <summary>Why an image cannot run the katas, or null when it can.</summary>
    internal static string? Problem(string image, int dotnetMajor)
    {
        var m = Image().Match(image);
        if (!m.Success) return $"{image}: not a mcr.microsoft.com/devcontainers/dotnet:[VERSION-]DOTNET-OS tag";
        if (int.Parse(m.Groups["dotnet"].Value.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) != dotnetMajor)
            return $"{image}: .NET {m.Groups["dotnet"].Value}, but global.json asks for .NET {dotnetMajor}";
        if (!Variants.TryGetValue(m.Groups["os"].Value, out var os)) return $"{image}: unknown OS variant '{m.Groups["os"].Value}'";
        return os.Gcc >= 13 ? null : $"{image}: {os.Os} ships GCC {os.Gcc}'s libstdc++, without GLIBCXX_3.4.32";
    }

    static int GlobalJsonMajor() =>
        int.Parse(JsonDocument.Parse(System.IO.File.ReadAllText(File("global.json"))).RootElement
            .GetProperty("sdk").GetProperty("version").GetString()!.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_image_has_the_dotnet_sdk_of_global_json_on_an_os_whose_libstdcxx_has_glibcxx_3_4_32()
    {
        var image = Config().GetProperty("image").GetString()!;

        Problem(image, GlobalJsonMajor()).ShouldBeNull();
    }

    [Theory]
    [InlineData("mcr.microsoft.com/devcontainers/dotnet:2-10.0-bookworm-slim", "without GLIBCXX_3.4.32")]
    [InlineData("mcr.microsoft.com/devcontainers/dotnet:1-8.0-jammy", "global.json asks for .NET 10")]
    [InlineData("mcr.microsoft.com/devcontainers/dotnet:latest", "not a mcr.microsoft.com/devcontainers/dotnet")]
    [InlineData("mcr.microsoft.com/devcontainers/dotnet:2-10.0-plan9", "unknown OS variant")]
    public void An_image_on_an_older_os_or_another_dotnet_is_refused(string image, string why)
    {
        Problem(image, 10).ShouldNotBeNull().ShouldContain(why);
    }

    [Fact]
    public void The_dataset_cache_is_a_volume_that_survives_rebuilds_and_restore_runs_on_creation()
    {
        var config = Config();
        var data = config.GetProperty("containerEnv").GetProperty("KATAS_DATA_DIR").GetString();

        config.GetProperty("mounts").EnumerateArray()
            .ShouldContain(m => m.GetProperty("type").GetString() == "volume" && m.GetProperty("target").GetString() == data);
        config.GetProperty("updateContentCommand").GetString().ShouldNotBeNull().ShouldContain("dotnet restore");
        config.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions").EnumerateArray()
            .Select(e => e.GetString()).ShouldContain("ms-dotnettools.csharp");
    }

    [GeneratedRegex(@"^mcr\.microsoft\.com/devcontainers/dotnet:(\d+-)?(?<dotnet>\d+\.\d+)-(?<os>[a-z0-9-]+)$")]
    private static partial Regex Image();
}
