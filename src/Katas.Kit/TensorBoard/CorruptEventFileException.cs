namespace Katas.Kit.TensorBoard;

/// <summary>
/// An events file that cannot be read: a damaged checksum, a record cut short, or bytes that are
/// not a TensorBoard event. <see cref="Offset"/> is where the bad record starts.
/// </summary>
public sealed class CorruptEventFileException(string path, long offset, string problem)
    : IOException(
        $"{path} is corrupt at byte {offset}: {problem}. " +
        "The file was damaged, cut short (a writer that was never closed, a full disk), or is not an events file. " +
        "Fix: run the code that writes it again, and close the writer (using var writer = ...) so that it flushes.")
{
    public string Path { get; } = path;
    public long Offset { get; } = offset;
}
