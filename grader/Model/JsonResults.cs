using Katas.Tooling;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Grader.Integrity;

namespace Katas.Grader.Model;

/// <summary>The JSON result file (schema documented in docs/grader.md) and its reading back.</summary>
public static class JsonResults
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(GradeResult result) => JsonSerializer.Serialize(result, Options);

    public static void Write(GradeResult result, string path) => AtomicFile.WriteAllText(path, Serialize(result) + "\n");

    public static GradeResult Read(string path)
    {
        if (!File.Exists(path)) throw new GraderException($"{path}: no such result file.");
        try
        {
            var result = JsonSerializer.Deserialize<GradeResult>(File.ReadAllText(path), Options)
                ?? throw new GraderException($"{path} is empty.");
            if (result.Schema != GradeResult.SchemaId)
                throw new GraderException($"{path} has schema '{result.Schema}', expected '{GradeResult.SchemaId}'.");
            return result;
        }
        catch (JsonException e)
        {
            throw new GraderException($"{path} is not a katas result file: {e.Message}");
        }
    }
}
