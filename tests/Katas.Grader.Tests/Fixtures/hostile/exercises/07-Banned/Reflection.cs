namespace Fixture;

public static class ReflectionTricks
{
    public static void All()
    {
        // Not banned: what a type is called (an error message may say so).
        _ = new Secret().GetType().Name;
        // bans: T:System.Reflection.BindingFlags
        _ = System.Reflection.BindingFlags.NonPublic;
        // bans: T:System.Reflection.MethodBase
        _ = typeof(Gate).GetMethods()[0].Invoke(null, null);
        // bans: T:System.Reflection.FieldInfo
        _ = typeof(Secret).GetFields()[0].GetValue(new Secret());
        // bans: T:System.Reflection.PropertyInfo
        _ = typeof(Secret).GetProperties()[0].GetValue(new Secret());
        // bans: T:System.Reflection.Assembly
        _ = typeof(Gate).Assembly.GetTypes();
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
