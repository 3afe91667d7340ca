namespace Katas.TensorBoard.Tests;

/// <summary>Long series (steps, losses) compared by their first difference, not dumped whole.</summary>
internal static class Sequences
{
    /// <summary><paramref name="actual"/> has the same values as <paramref name="expected"/>, in order; <paramref name="what"/> says why.</summary>
    public static void ShouldEqualInOrder<T>(this IEnumerable<T> actual, IEnumerable<T> expected, string what)
    {
        var a = actual.ToList();
        var e = expected.ToList();
        if (a.Count != e.Count)
            throw new ShouldAssertException($"{what}\n\nexpected {e.Count} values ({Preview(e)}) but got {a.Count} ({Preview(a)})");
        var first = Enumerable.Range(0, a.Count).FirstOrDefault(i => !EqualityComparer<T>.Default.Equals(a[i], e[i]), -1);
        if (first >= 0)
            throw new ShouldAssertException(
                $"{what}\n\nthe first difference is at index {first}: {a[first]} instead of {e[first]} " +
                $"(expected {Preview(e)}; got {Preview(a)})");
    }

    static string Preview<T>(List<T> values) =>
        values.Count <= 6 ? $"[{string.Join(", ", values)}]"
            : $"[{string.Join(", ", values.Take(3))}, ..., {string.Join(", ", values.TakeLast(2))}]";
}
