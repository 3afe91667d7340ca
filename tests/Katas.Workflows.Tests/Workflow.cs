using YamlDotNet.RepresentationModel;

namespace Katas.Workflows.Tests;

/// <summary>A GitHub workflow file read as YAML (YamlDotNet's node model: every scalar a string, so
/// `on:` stays the key "on"), with the raw lines kept for what YAML drops (the comments after a
/// pinned action's SHA).</summary>
internal sealed record Workflow(string File, YamlMappingNode Root, string[] Lines)
{
    public static string Folder => Path.Combine(RepoPaths.Root ?? throw new InvalidOperationException("tests must run inside the repository"),
        ".github", "workflows");

    public static IReadOnlyList<Workflow> All() =>
        Directory.GetFiles(Folder, "*.yml").Order(StringComparer.Ordinal).Select(Load).ToList();

    public static Workflow Named(string file) => Load(Path.Combine(Folder, file));

    public static Workflow Load(string path)
    {
        var text = System.IO.File.ReadAllText(path);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return new Workflow(Path.GetFileName(path), (YamlMappingNode)yaml.Documents[0].RootNode, text.Split('\n'));
    }

    public string Name => Scalar(Root, "name") ?? File;
    public YamlNode On => Root.Children[new YamlScalarNode("on")];

    /// <summary>The trigger events: `on: push`, `on: [push, ...]` or `on: {push: ..., ...}`.</summary>
    public IReadOnlyList<string> Triggers => On switch
    {
        YamlScalarNode s => [s.Value!],
        YamlSequenceNode q => q.Children.Select(c => ((YamlScalarNode)c).Value!).ToList(),
        YamlMappingNode m => m.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList(),
        _ => [],
    };

    public YamlNode? Permissions => Child(Root, "permissions");

    public IReadOnlyList<Job> Jobs => ((YamlMappingNode)Root.Children[new YamlScalarNode("jobs")]).Children
        .Select(j => new Job(this, ((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value)).ToList();

    public Job Job(string id) => Jobs.Single(j => j.Id == id);

    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>A permissions node as key → value ("{}" gives none; "read-all" or "write-all" one entry "*").</summary>
    public static IReadOnlyDictionary<string, string> PermissionsOf(YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!),
        YamlScalarNode s => new Dictionary<string, string> { ["*"] = s.Value! },
        _ => throw new InvalidOperationException($"permissions: {node}"),
    };

    public override string ToString() => File;
}

internal sealed record Job(Workflow Workflow, string Id, YamlMappingNode Node)
{
    public string? If => Workflow.Scalar(Node, "if");
    public YamlNode? Permissions => Workflow.Child(Node, "permissions");
    public string? TimeoutMinutes => Workflow.Scalar(Node, "timeout-minutes");
    public string? Environment => Workflow.Scalar(Node, "environment");
    public IReadOnlyList<string> Needs => Workflow.Child(Node, "needs") switch
    {
        YamlScalarNode s => [s.Value!],
        YamlSequenceNode q => q.Children.Select(c => ((YamlScalarNode)c).Value!).ToList(),
        _ => [],
    };

    public IReadOnlyList<Step> Steps => Workflow.Child(Node, "steps") is YamlSequenceNode steps
        ? steps.Children.Select(s => new Step((YamlMappingNode)s)).ToList()
        : [];

    /// <summary>Steps that check out the pull request's commit (the student's code).</summary>
    public IEnumerable<Step> SubmissionCheckouts => Steps.Where(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true
        && (s.With("ref") ?? "").Contains("head_sha", StringComparison.Ordinal));

    public override string ToString() => $"{Workflow.File}: {Id}";
}

internal sealed record Step(YamlMappingNode Node)
{
    public string? Name => Workflow.Scalar(Node, "name");
    public string? Uses => Workflow.Scalar(Node, "uses");
    public string? Run => Workflow.Scalar(Node, "run");
    public string? If => Workflow.Scalar(Node, "if");
    public string? With(string input) => Workflow.Scalar(Workflow.Child(Node, "with"), input);
    public string? Env(string name) => Workflow.Scalar(Workflow.Child(Node, "env"), name);
    public IReadOnlyDictionary<string, string> EnvAll => Workflow.Child(Node, "env") is YamlMappingNode m
        ? m.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!)
        : new Dictionary<string, string>();

    public override string ToString() => Name ?? Uses ?? Run ?? "step";
}
