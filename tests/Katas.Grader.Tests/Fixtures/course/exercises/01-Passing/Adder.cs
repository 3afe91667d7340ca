namespace Fixture;

public static class Adder
{
    public static int Add(int a, int b) => a + b;
}
