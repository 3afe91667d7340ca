namespace Katas.GpuAndCheckpoints;

/// <summary>
/// Given to you: a checkpoint or state dict that cannot be used, with a message that says what is
/// wrong with it and what to do.
/// </summary>
public sealed class CheckpointException(string message, Exception? inner = null) : IOException(message, inner);
