using System.ComponentModel;
using Katas.Grader.Running;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

public class CommonSettings : CommandSettings
{
    [CommandOption("--repo <DIR>")]
    [Description("The katas repository to work on (default: the one around the current folder).")]
    public string? Repo { get; init; }

    /// <summary>The repository: --repo, else the nearest folder upwards with exercises/ and Katas.sln.</summary>
    public string ResolveRepo()
    {
        if (Repo is not null)
            return Directory.Exists(Path.Combine(Repo, "exercises")) ? Path.GetFullPath(Repo)
                : throw new GraderException($"--repo {Repo}: no exercises/ folder there.");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "exercises")) && File.Exists(Path.Combine(dir.FullName, "Katas.sln")))
                    return dir.FullName;
        throw new GraderException("Not inside a katas repository: run from the repository's folder or pass --repo DIR.");
    }
}
