namespace Katas.Kit.Data;

/// <summary>Something is wrong with a dataset; the message says what and how to fix it.</summary>
public class DatasetException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No mirror could deliver a file. <see cref="Attempts"/> says what each one answered.</summary>
public class DatasetUnavailableException(string file, IReadOnlyList<string> attempts, string message)
    : DatasetException(message)
{
    public string File { get; } = file;
    public IReadOnlyList<string> Attempts { get; } = attempts;
}

/// <summary>A mirror delivered a file whose content is not the one the manifest names.</summary>
public sealed class ChecksumMismatchException(string file, string mirror, string expected, string actual,
    IReadOnlyList<string> attempts, string message) : DatasetUnavailableException(file, attempts, message)
{
    public string Mirror { get; } = mirror;
    public string Expected { get; } = expected;
    public string Actual { get; } = actual;
}

/// <summary>A file is not a well-formed IDX file (wrong magic number, truncated, extra bytes).</summary>
public sealed class InvalidIdxFileException(string path, string problem)
    : DatasetException($"{path} is not a valid IDX file: {problem}. Delete it and run again to download a fresh copy.")
{
    public string Path { get; } = path;
}
