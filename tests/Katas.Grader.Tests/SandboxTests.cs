using System.Security.Cryptography;
using System.Text;
using Katas.Grader.Layout;
using Katas.Grader.Running;
using Katas.Tooling;

namespace Katas.Grader.Tests;

/// <summary>
/// The layers of the threat model (docs/grader.md) one by one, without a course: what a process in
/// the sandbox can see and do, which lines the result ledger takes, and what the allowlist judges.
/// </summary>
public sealed class SandboxTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "katas-sandbox-tests", Guid.NewGuid().ToString("N")[..8]);

    public SandboxTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "solutions"));
        File.WriteAllText(Path.Combine(_root, "solutions", "Answer.cs"), "the reference solution");
        Directory.CreateDirectory(Path.Combine(_root, "out"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    async Task<(int ExitCode, string Output)> InSandbox(string script)
    {
        Assert.SkipUnless(Sandbox.Available, $"no sandbox on this machine: {Sandbox.Why}");
        var output = new StringBuilder();
        Environment.SetEnvironmentVariable("KATAS_GRADERS_SECRET", "must not be seen");
        var outcome = await ProcessRunner.RunAsync("/bin/sh", ["-c", script], _root, null, TimeSpan.FromSeconds(30),
            line => { lock (output) output.AppendLine(line); }, TestContext.Current.CancellationToken,
            sandbox: new SandboxSpec { ReadOnly = [_root], Writable = [Path.Combine(_root, "out")], Hidden = [Path.Combine(_root, "solutions")] });
        lock (output) return (outcome.ExitCode, output.ToString() + outcome.StandardError);
    }

    [Fact]
    public async Task A_sandboxed_process_sees_its_own_processes_only_an_empty_home_no_network_and_none_of_the_graders_environment()
    {
        var (code, output) = await InSandbox(
            $"echo pids=$(ls /proc | grep -c '^[0-9]'); test -e /proc/{Environment.ProcessId} && echo sees-the-grader; echo home=$HOME; echo homefiles=$(ls -A $HOME | wc -l); " +
            "echo nics=$(tail -n +3 /proc/net/dev | wc -l); echo secret=${KATAS_GRADERS_SECRET:-none}; echo uid=$(id -u); " +
            "echo solutions=$(ls -A solutions | wc -l)");

        code.ShouldBe(0, output);
        int.Parse(output.Split("pids=")[1].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeLessThan(10, "its own PID namespace: bwrap's init, sh and the few commands it runs");
        output.ShouldNotContain("sees-the-grader", customMessage: "the grader's process is not in its PID namespace");
        output.ShouldContain($"home={Sandbox.Home}");
        output.ShouldContain("homefiles=0");
        output.ShouldContain("nics=1", customMessage: "the loopback interface only: no network");
        output.ShouldContain("secret=none", customMessage: "the grader's environment is not passed on");
        output.ShouldContain("uid=1000");
        output.ShouldContain("solutions=0", customMessage: "solutions/ is an empty folder in the sandbox");
    }

    [Fact]
    public async Task A_sandboxed_process_writes_only_where_it_may()
    {
        var (_, output) = await InSandbox(
            "touch planted.cs 2>/dev/null && echo wrote-root; touch out/picture.png && echo wrote-out; " +
            "touch /planted 2>/dev/null && echo wrote-above; touch /tmp/scratch && echo wrote-tmp; touch $HOME/.cache && echo wrote-home");

        output.ShouldNotContain("wrote-root");
        output.ShouldNotContain("wrote-above");
        output.ShouldContain("wrote-out");
        output.ShouldContain("wrote-tmp");
        output.ShouldContain("wrote-home", customMessage: "a build needs a writable home: an empty one of its own");
        File.Exists(Path.Combine(_root, "planted.cs")).ShouldBeFalse();
        File.Exists(Path.Combine(_root, "out", "picture.png")).ShouldBeTrue();
        File.Exists("/tmp/scratch").ShouldBeFalse("its /tmp is its own");
    }

    static string Signed(byte[] key, long seq, string json)
    {
        using var hmac = new HMACSHA256(key);
        var mac = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{seq} {json}")));
        return $"katas1 {seq} {mac} {json}";
    }

    const string Start = """{"$type":"test-starting","TestUniqueID":"t1","TestDisplayName":"Ns.C.A"}""";
    const string Pass = """{"$type":"test-passed","TestUniqueID":"t1","ExecutionTime":0.1}""";

    [Fact]
    public void The_ledger_takes_only_lines_signed_with_the_runs_key_in_sequence()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var honest = new ResultLedger { Key = key };
        honest.Read(Signed(key, 0, Start));
        honest.Read(Signed(key, 1, Pass));
        honest.Read(Signed(key, 2, """{"$type":"katas-exit","ExitCode":0}"""));
        honest.Tests.Single().Result!.Value.Type.ShouldBe("test-passed");
        honest.Contradictions.ShouldBeEmpty();
        honest.Ended.ShouldBe(0);

        var forged = new ResultLedger { Key = key };
        forged.Read(Start); // unsigned
        forged.Read(Signed(RandomNumberGenerator.GetBytes(32), 0, Start)); // another key
        forged.Read(Signed(key, 5, Pass)); // out of sequence
        forged.Tests.ShouldBeEmpty("no forged line is a result");
        forged.Contradictions.Count.ShouldBe(3);
        forged.Contradictions.ShouldAllBe(c => c.Contains("did not sign"));
    }

    [Fact]
    public void The_allowlist_decides_by_the_longest_rule_and_forbids_what_no_rule_allows()
    {
        var list = Allowlist.Parse("+ System.IO\n- System.IO.Stream.Seek ; no seeking\n+ System.Math\n");

        list.Judge("System.IO.File.Exists").Allowed.ShouldBeTrue();
        list.Judge("System.IO.Stream.Seek").ShouldBe((false, "no seeking"));
        list.Judge("System.IO.Stream.SeekOrigin").Allowed.ShouldBeTrue("a rule ends at a name, not in the middle of one");
        list.Judge("System.MathF.Sqrt").Allowed.ShouldBeFalse("System.Math does not cover System.MathF");
        list.Judge("System.Environment.Exit").ShouldBe((false, null));
    }

    [Fact]
    public async Task A_submitted_chapter_with_a_link_or_a_special_file_is_refused_and_its_regular_files_are_listed()
    {
        var chapter = Path.Combine(_root, "submitted");
        Directory.CreateDirectory(Path.Combine(chapter, "Impl", "Tests"));
        File.WriteAllText(Path.Combine(chapter, "Net.cs"), "//");
        File.WriteAllText(Path.Combine(chapter, "Impl", "Tests", "Boot.cs"), "//");
        File.WriteAllText(Path.Combine(chapter, "README.md"), "not code");
        Directory.CreateDirectory(Path.Combine(chapter, "Tests"));
        File.WriteAllText(Path.Combine(chapter, "Tests", "MyTests.cs"), "// the course's tests replace these");

        var (files, why) = Workspace.LearnerFilesOf(chapter, "exercises/01-X");
        why.ShouldBeNull();
        files.ShouldBe(["Impl/Tests/Boot.cs", "Net.cs"], "a nested Tests folder is the learner's; the top-level one and a README are not");

        File.CreateSymbolicLink(Path.Combine(chapter, "Clusters.cs"), Path.Combine(_root, "solutions", "Answer.cs"));
        Workspace.LearnerFilesOf(chapter, "exercises/01-X").Why!.ShouldContain("exercises/01-X/Clusters.cs is a symbolic link");
        File.Delete(Path.Combine(chapter, "Clusters.cs"));

        File.CreateSymbolicLink(Path.Combine(chapter, "Linked"), Path.Combine(_root, "solutions"));
        Workspace.LearnerFilesOf(chapter, "exercises/01-X").Why!.ShouldContain("Linked is a symbolic link");
        Directory.Delete(Path.Combine(chapter, "Linked"));

        if (OperatingSystem.IsLinux())
        {
            await ProcessRunner.RunAsync("ln", [Path.Combine(_root, "solutions", "Answer.cs"), Path.Combine(chapter, "Hard.cs")], _root, null,
                TimeSpan.FromSeconds(10), null, TestContext.Current.CancellationToken);
            Workspace.LearnerFilesOf(chapter, "exercises/01-X").Why!.ShouldContain("Hard.cs is a hard link");
            File.Delete(Path.Combine(chapter, "Hard.cs"));
            await ProcessRunner.RunAsync("mkfifo", [Path.Combine(chapter, "Pipe.cs")], _root, null, TimeSpan.FromSeconds(10), null,
                TestContext.Current.CancellationToken);
            Workspace.LearnerFilesOf(chapter, "exercises/01-X").Why!.ShouldContain("Pipe.cs is a named pipe");
        }
    }
}
