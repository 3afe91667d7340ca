using System.Runtime.ExceptionServices;
using Shouldly;

namespace Katas.Kit.Testing;

/// <summary>
/// Calls into the learner's code that turn a failure deep inside libtorch or .NET into the test's own
/// sentence. A stub's NotImplementedException always goes through unchanged: it says what to write.
/// </summary>
public static class Calls
{
    /// <summary>Runs <paramref name="call"/>; if it throws anything but a stub's TODO, fails with <paramref name="why"/>.</summary>
    public static T Expect<T>(Func<T> call, string why)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            throw new ShouldAssertException($"{why}\n(it threw {e.GetType().Name}: {FirstLine(e.Message)}){Where(e)}");
        }
    }

    /// <summary>Runs <paramref name="call"/>, which must throw <typeparamref name="TException"/>; otherwise fails with <paramref name="why"/>.</summary>
    public static TException Fails<TException>(Action call, string why) where TException : Exception
    {
        try
        {
            call();
        }
        catch (TException e)
        {
            return e;
        }
        catch (NotImplementedException e)
        {
            ExceptionDispatchInfo.Throw(e);
        }
        catch (Exception e)
        {
            throw new ShouldAssertException($"{why}\n(it threw {e.GetType().Name} instead of {typeof(TException).Name}: {FirstLine(e.Message)}){Where(e)}");
        }
        throw new ShouldAssertException($"{why}\n(it threw nothing)");
    }

    static string FirstLine(string message) => message.Split('\n')[0].Trim();

    // The learner's line that threw, without libtorch's native frames, the tests' or Kit's.
    static string Where(Exception e) =>
        e.StackTrace?.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Contains("Katas.", StringComparison.Ordinal) && !l.Contains(".Tests.", StringComparison.Ordinal)
                                 && !l.Contains("Katas.Kit.", StringComparison.Ordinal)) is { } frame
            ? $"\n{frame}" : "";
}
