namespace Fixture;

public static class Maths
{
    public static int Twice(int x) => x + x;

    public static int Square(int x) => throw new NotImplementedException("TODO 2: return x * x (Maths.Square). See README step 2.");

    public static int Cube(int x) => x * x; // wrong on purpose: the learner's mistake
}
