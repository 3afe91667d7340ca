using System.Reflection;
using Xunit.v3;

namespace Katas.Kit.Testing;

/// <summary>
/// Applied to every test assembly (eng/Testing.props): before each test, makes sure TorchSharp's
/// native library loads. When it cannot, the test fails with Kit's short diagnosis (cause and fix)
/// instead of TorchSharp's native trace somewhere deep inside the learner's code.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequiresTorchAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => TorchRuntime.EnsureLoaded();
}
