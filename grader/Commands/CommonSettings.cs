using System.ComponentModel;
using Katas.Grader.Layout;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

public class CommonSettings : CommandSettings
{
    [CommandOption("--repo <DIR>")]
    [Description("The katas course to work on (default: the one around the current folder).")]
    public string? Repo { get; init; }

    /// <summary>The course: --repo, else the nearest course upwards from the current folder (<see cref="Course.Find"/>).</summary>
    public Course ResolveCourse() => Course.Find(Repo);
}
