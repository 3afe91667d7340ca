namespace Katas.Grader;

/// <summary>The grader cannot do what was asked (bad arguments, missing repository): exit code 2.</summary>
public sealed class GraderException(string message) : Exception(message);
