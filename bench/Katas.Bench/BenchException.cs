namespace Katas.Bench;

/// <summary>The bench cannot run as asked: the message says why and what to do.</summary>
public sealed class BenchException(string message) : Exception(message);
