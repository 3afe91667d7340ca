namespace Katas.Kit;

/// <summary>
/// Names of environment variables Kit reads that the grader sets for the chapters (it does not load
/// Kit's libtorch part, so the names live here, in the torch-free part, once).
/// </summary>
public static class Variables
{
    /// <summary>cpu, cuda or auto: the device the chapters run on.</summary>
    public const string Device = "KATAS_DEVICE";
    /// <summary>The libtorch folder for the external backend.</summary>
    public const string LibTorch = "KATAS_LIBTORCH";
}
