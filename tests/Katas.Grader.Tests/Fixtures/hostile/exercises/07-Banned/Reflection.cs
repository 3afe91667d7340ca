namespace Fixture;

public static class ReflectionTricks
{
    public static void All()
    {
        // Not banned: what a type is called (an error message may say so).
        _ = new Secret().GetType().Name;
        // forbids: T:System.Reflection.BindingFlags
        _ = System.Reflection.BindingFlags.NonPublic;
        // forbids: T:System.Reflection.MethodBase
        _ = typeof(Gate).GetMethods()[0].Invoke(null, null);
        // forbids: T:System.Reflection.FieldInfo
        _ = typeof(Secret).GetFields()[0].GetValue(new Secret());
        // forbids: T:System.Reflection.PropertyInfo
        _ = typeof(Secret).GetProperties()[0].GetValue(new Secret());
        // forbids: T:System.Reflection.Assembly
        _ = typeof(Gate).Assembly.GetTypes();
        // forbids: N:System.Reflection.Emit
        _ = System.Reflection.Emit.OpCodes.Nop;
        // forbids: M:System.Type.GetType(System.String)
        _ = Type.GetType("Fixture.Gate");
        // forbids: M:System.Type.GetType(System.String,System.Boolean)
        _ = Type.GetType("Fixture.Gate", true);
        // forbids: M:System.Type.GetType(System.String,System.Boolean,System.Boolean)
        _ = Type.GetType("Fixture.Gate", true, false);
        // forbids: M:System.Type.GetMethod(System.String)
        _ = typeof(Gate).GetMethod("Open");
        // forbids: M:System.Type.GetField(System.String)
        _ = typeof(Secret).GetField("_value");
        // forbids: M:System.Type.GetProperty(System.String)
        _ = typeof(Secret).GetProperty("Value");
        // forbids: M:System.Type.InvokeMember(System.String,System.Reflection.BindingFlags,System.Reflection.Binder,System.Object,System.Object[])
        _ = typeof(Gate).InvokeMember("Open", default, null, null, null);
        // forbids: T:System.Activator
        _ = Activator.CreateInstance<Secret>();
    }
}
