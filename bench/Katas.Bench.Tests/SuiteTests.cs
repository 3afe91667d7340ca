using Katas.Bench.Suite;

namespace Katas.Bench.Tests;

public class SuiteTests
{
    [Fact]
    public void A_timed_command_records_its_exact_command_line_its_wall_time_and_its_exit_code()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"katas bench {Guid.NewGuid():N}"); // a path with spaces
        Directory.CreateDirectory(folder);
        try
        {
            var ok = SuiteTimes.Run(folder, "--version");
            ok.Command.ShouldBe("dotnet --version");
            ok.ExitCode.ShouldBe(0);
            ok.Seconds.ShouldBeGreaterThan(0);

            var failed = SuiteTimes.Run(folder, "build", Path.Combine(folder, "no such project.csproj"));
            failed.ExitCode.ShouldNotBe(0, "a failing command is reported with its exit code, not as a time");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
