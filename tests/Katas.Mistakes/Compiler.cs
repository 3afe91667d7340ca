using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Katas.Mistakes;

/// <summary>
/// Compiles a chapter's test assembly in-process with Roslyn, from the inputs its MSBuild build
/// recorded (eng/Kata.targets, KatasRecordCompile): the same sources, references, symbols and
/// language version, written where that build wrote the assembly, so the test runner it produced
/// runs the new code. One `dotnet build` per chapter, then a second or two per mistake instead of
/// a whole build: parsed files and references are kept between mistakes.
/// </summary>
public sealed class Compiler
{
    readonly string[] _sources;
    readonly MetadataReference[] _references;
    readonly CSharpParseOptions _parse;
    readonly CSharpCompilationOptions _options;
    readonly string _assemblyName;
    readonly ConcurrentDictionary<(string Path, string Text), SyntaxTree> _trees = new();

    /// <summary>Where the assembly goes (the build's TargetPath).</summary>
    public string Output { get; }

    public Compiler(string inputsFile)
    {
        var lines = File.ReadAllLines(inputsFile);
        string[] Of(string tag) => [.. lines.Where(l => l.StartsWith(tag + "|", StringComparison.Ordinal)).Select(l => l[(tag.Length + 1)..])];
        string One(string tag) => Of(tag).FirstOrDefault() ?? "";
        _sources = Of("C");
        _references = [.. Of("R").Select(r => MetadataReference.CreateFromFile(r))];
        _ = LanguageVersionFacts.TryParse(One("L"), out var version);
        _parse = new CSharpParseOptions(version == LanguageVersion.Default ? LanguageVersion.Latest : version,
            preprocessorSymbols: One("D").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        _options = new CSharpCompilationOptions(
            One("O").Equals("Exe", StringComparison.OrdinalIgnoreCase) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: One("N").Equals("enable", StringComparison.OrdinalIgnoreCase) ? NullableContextOptions.Enable : NullableContextOptions.Disable,
            optimizationLevel: OptimizationLevel.Debug, concurrentBuild: true);
        _assemblyName = One("A");
        Output = One("B");
        if (_sources.Length == 0 || Output.Length == 0 || _assemblyName.Length == 0)
            throw new CatalogueException($"{inputsFile} does not hold what a compilation needs (sources, assembly name, output)");
    }

    /// <summary>Compiles the recorded sources as they are on disk now; returns the first errors, none when it worked.</summary>
    public IReadOnlyList<string> Compile()
    {
        var trees = _sources.AsParallel().AsOrdered().Select(path =>
        {
            var text = File.ReadAllText(path);
            return _trees.GetOrAdd((path, text), key => CSharpSyntaxTree.ParseText(key.Text, _parse, key.Path, System.Text.Encoding.UTF8));
        }).ToList();
        var compilation = CSharpCompilation.Create(_assemblyName, trees, _references, _options);
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(pe, pdb, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
        if (!result.Success)
            return [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(8)
                .Select(d => d.ToString())];
        File.WriteAllBytes(Output, pe.ToArray());
        File.WriteAllBytes(Path.ChangeExtension(Output, ".pdb"), pdb.ToArray());
        return [];
    }
}
