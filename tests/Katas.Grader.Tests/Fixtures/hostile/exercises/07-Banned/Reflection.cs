namespace Fixture;

public static class ReflectionTricks
{
    public static void All()
    {
        // bans: N:System.Reflection
        _ = System.Reflection.BindingFlags.NonPublic;
        // bans: N:System.Reflection.Emit
        _ = System.Reflection.Emit.OpCodes.Nop;
        // bans: M:System.Type.GetType(System.String)
        _ = Type.GetType("Fixture.Gate");
        // bans: M:System.Type.GetType(System.String,System.Boolean)
        _ = Type.GetType("Fixture.Gate", true);
        // bans: M:System.Type.GetType(System.String,System.Boolean,System.Boolean)
        _ = Type.GetType("Fixture.Gate", true, false);
        // bans: M:System.Type.GetMethod(System.String)
        _ = typeof(Gate).GetMethod("Open");
        // bans: M:System.Type.GetField(System.String)
        _ = typeof(Secret).GetField("_value");
        // bans: M:System.Type.GetProperty(System.String)
        _ = typeof(Secret).GetProperty("Value");
        // bans: M:System.Type.InvokeMember(System.String,System.Reflection.BindingFlags,System.Reflection.Binder,System.Object,System.Object[])
        _ = typeof(Gate).InvokeMember("Open", default, null, null, null);
        // bans: T:System.Activator
        _ = Activator.CreateInstance<Secret>();
    }
}
