namespace Fixture;

public static class Maths
{
    public static int Twice(int x) => x + x;

    public static int Square(int x) => x * x;

    public static int Cube(int x)
    {
        var result = 1;
        for (var i = 0; i < 3; i++) result *= x;
        return result;
    }
}
