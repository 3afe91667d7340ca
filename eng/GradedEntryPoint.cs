// The entry point of a chapter's test program when the grader builds it (-p:KatasGraded=true; a
// learner's `dotnet test` keeps xunit's own). It is part of the trusted course (eng/), never of a
// submission. What it adds to xunit's in-process runner: the messages the grader reads are signed.
//
// The grader starts the program with KATAS_SIGNED_RESULTS=1 and writes a fresh random key as the
// first line of its standard input. This code reads that line before any test (or any learner
// code) runs, and from then on every line xunit writes for the grader leaves through a private
// writer on the real standard output, prefixed with a sequence number and an HMAC-SHA256 of the
// line under that key. Console.Out, which learner code and xunit's console capture fall back to,
// is pointed at standard error instead. The key never leaves this process's memory, and learner
// code under the grader's allowlist has no API that reads another object's private fields, raw
// memory, the process's own /proc/self/mem (no seekable read), or standard input. So a line the
// learner writes to the real standard output anyway (a raw path to it) carries no valid MAC, and
// the grader counts it as tampering, not as a result. The last signed line says how the runner
// ended; the grader also checks that the process then exited with code 0.

#nullable enable

namespace Katas.Graded;

internal static class GradedEntryPoint
{
    public const string Variable = "KATAS_SIGNED_RESULTS";

    public static int Main(string[] args)
    {
        if (System.Environment.GetEnvironmentVariable(Variable) != "1")
            return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();

        NativeMethods.NotDumpable();
        var keyLine = System.Console.In.ReadLine() ?? "";
        byte[] key;
        try { key = System.Convert.FromHexString(keyLine.Trim()); }
        catch (System.FormatException) { key = []; }
        if (key.Length < 32)
        {
            System.Console.Error.WriteLine("katas: graded run without a key on standard input; nothing will be accepted.");
            return 3;
        }
        var results = new SignedWriter(System.Console.OpenStandardOutput(), key);
        System.Array.Clear(key);
        System.Console.SetOut(System.Console.Error);
        int code;
        using (var runner = new Xunit.Runner.InProc.SystemConsole.ConsoleRunner(args, typeof(GradedEntryPoint).Assembly))
            code = runner.EntryPoint(System.Console.In, results).GetAwaiter().GetResult();
        results.WriteLine($"{{\"$type\":\"katas-exit\",\"ExitCode\":{code}}}");
        results.Flush();
        return 0;
    }

    /// <summary>Writes whole lines, each as "katas1 SEQ MAC JSON" (MAC = HMAC-SHA256 of "SEQ JSON").</summary>
    sealed class SignedWriter(System.IO.Stream output, byte[] key) : System.IO.TextWriter
    {
        readonly System.Security.Cryptography.HMACSHA256 _mac = new((byte[])key.Clone());
        readonly System.Text.StringBuilder _line = new();
        readonly System.IO.Stream _output = output;
        readonly object _gate = new();
        long _sequence;

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_gate)
            {
                if (value == '\n') Emit();
                else if (value != '\r') _line.Append(value);
            }
        }

        public override void Write(string? value)
        {
            if (value is null) return;
            lock (_gate)
                foreach (var c in value)
                {
                    if (c == '\n') Emit();
                    else if (c != '\r') _line.Append(c);
                }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                Write(value);
                Emit();
            }
        }

        public override void WriteLine() => Write('\n');

        public override void Flush()
        {
            lock (_gate) _output.Flush();
        }

        void Emit()
        {
            var text = _line.ToString();
            _line.Clear();
            if (text.Length == 0) return;
            var signed = $"{_sequence} {text}";
            var mac = System.Convert.ToHexStringLower(_mac.ComputeHash(System.Text.Encoding.UTF8.GetBytes(signed)));
            var bytes = System.Text.Encoding.UTF8.GetBytes($"katas1 {_sequence} {mac} {text}\n");
            _sequence++;
            _output.Write(bytes);
            _output.Flush();
        }
    }

    static class NativeMethods
    {
        // prctl(PR_SET_DUMPABLE, 0): no other process of the sandbox may ptrace this one or read its memory.
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "prctl")]
        static extern int Prctl(int option, ulong value, ulong a3, ulong a4, ulong a5);

        public static void NotDumpable()
        {
            if (!System.OperatingSystem.IsLinux()) return;
            try { _ = Prctl(4, 0, 0, 0, 0); }
            catch (System.DllNotFoundException) { }
            catch (System.EntryPointNotFoundException) { }
        }
    }
}
