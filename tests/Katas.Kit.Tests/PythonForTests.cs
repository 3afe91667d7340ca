namespace Katas.Kit.Tests;

/// <summary>
/// The tests that check PyTorch reads what C# writes use the tooling library's <see cref="Tooling.PythonWithTorch"/>;
/// where there is none they show as skipped with <see cref="SkipReason"/>: CI and learners need no Python.
/// </summary>
internal static class PythonForTests
{
    public const string SkipReason =
        $"No Python with PyTorch here ({Tooling.PythonWithTorch.Variable}, python3, /usr/bin/python3, python): install it to run this check " +
        $"({Tooling.PythonWithTorch.HowToInstall}).";

    static readonly Lazy<string?> Found = new(() => Tooling.PythonWithTorch.Find(null, out _));

    public static string? Find() => Found.Value;

    public static (int ExitCode, string Output) Run(string python, params string[] arguments) =>
        Tooling.PythonWithTorch.Run(python, arguments, TimeSpan.FromMinutes(2));
}
