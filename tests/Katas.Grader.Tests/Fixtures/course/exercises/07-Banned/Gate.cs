namespace Fixture;

public static class Gate
{
    public static int Open() => throw new NotImplementedException("TODO 1: return 1 (Gate.Open).");
}
