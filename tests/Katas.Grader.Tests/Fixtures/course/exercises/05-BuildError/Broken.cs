namespace Fixture;

public static class Broken
{
    public static int Value() => "not a number"; // does not compile: a string is not an int
}
