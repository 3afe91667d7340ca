namespace Katas.TrainingDiagnostics;

/// <summary>
/// Given to you (not an exercise): the chapter's data, a tiny stand-in for MNIST that needs no
/// download and trains in a fraction of a second. Ten classes of 8 x 8 "images" with pixel values
/// from 0 to 255: every class has a prototype picture, and every sample is its class's prototype
/// with noise on every pixel. The classes are balanced, so an untrained classifier should be
/// equally unsure of all ten (README step 1).
/// </summary>
public static class SyntheticDigits
{
    public const int Classes = 10;
    public const int Pixels = 64;

    /// <summary>
    /// Makes <paramref name="perClass"/> samples of every class, in a random order fixed by
    /// <paramref name="seed"/>. Images: float32 [10 * perClass, 64], raw pixel values in [0, 255],
    /// not normalised; labels: int64 [10 * perClass]. Both on the CPU.
    /// </summary>
    public static (Tensor Images, Tensor Labels) Make(int perClass, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass, 1);
        using var scope = torch.NewDisposeScope();
        var generator = new torch.Generator((ulong)seed);
        // The prototypes are the same for every seed (one generator of their own): a seed picks
        // other samples of the same ten classes, as another draw from MNIST would.
        var prototypes = torch.rand(Classes, Pixels, generator: new torch.Generator(2024)) * 255f;
        var labels = torch.arange(Classes, dtype: int64).repeat_interleave(perClass);
        labels = labels[torch.randperm(labels.shape[0], generator: generator)];
        var noise = torch.randn(labels.shape[0], Pixels, generator: generator) * 150f;
        var images = (prototypes[labels] + noise).clamp(0f, 255f);
        return (images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }
}
