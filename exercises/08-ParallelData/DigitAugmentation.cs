namespace Katas.ParallelData;

/// <summary>
/// Given to you (not an exercise): the CPU work behind every item of <see cref="AugmentedDigits"/>.
/// It distorts a 28 x 28 digit the way MNIST is classically augmented (Simard et al., 2003): a
/// random rotation and shift, then an elastic distortion, a smooth random displacement field that
/// wobbles the strokes. The field is smoothed with a Gaussian, and that smoothing is what costs:
/// about 0.1 ms per digit, plain C# on one core, like a JPEG decode or a random crop in a real
/// pipeline. Everything random comes from <c>rng</c>, so the same generator state gives the same
/// picture.
/// </summary>
public static class DigitAugmentation
{
    public const int Size = 28;
    const double MaxDegrees = 12;
    const double MaxShift = 2;
    const double Alpha = 20;   // strength of the elastic field, in pixels before smoothing
    const double Sigma = 4;    // how smooth it is, in pixels
    static readonly float[] Kernel = GaussianKernel(Sigma);

    /// <summary>Writes the distorted <paramref name="source"/> (784 values, row by row) into <paramref name="target"/>.</summary>
    public static void Apply(ReadOnlySpan<float> source, Span<float> target, Random rng)
    {
        const int n = Size * Size;
        if (source.Length != n || target.Length != n)
            throw new ArgumentException($"a digit is {Size} x {Size} = {n} values; got {source.Length} in and room for {target.Length} out.");

        var angle = (rng.NextDouble() * 2 - 1) * MaxDegrees * Math.PI / 180;
        var (shiftX, shiftY) = ((rng.NextDouble() * 2 - 1) * MaxShift, (rng.NextDouble() * 2 - 1) * MaxShift);
        var dx = ElasticField(rng);
        var dy = ElasticField(rng);

        // Inverse mapping: for each target pixel, where in the source does it come from?
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        const double centre = (Size - 1) / 2.0;
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
            {
                var (u, v) = (x - centre - shiftX, y - centre - shiftY);
                var sx = cos * u + sin * v + centre + dx[y * Size + x];
                var sy = -sin * u + cos * v + centre + dy[y * Size + x];
                target[y * Size + x] = Bilinear(source, sx, sy);
            }
    }

    /// <summary>Uniform noise in [-1, 1], smoothed by a Gaussian (rows, then columns), times Alpha.</summary>
    static float[] ElasticField(Random rng)
    {
        var noise = new float[Size * Size];
        for (var i = 0; i < noise.Length; i++) noise[i] = (float)(rng.NextDouble() * 2 - 1);
        var rows = new float[Size * Size];
        var field = new float[Size * Size];
        var r = Kernel.Length / 2;
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
            {
                var sum = 0f;
                for (var k = -r; k <= r; k++) sum += Kernel[k + r] * noise[y * Size + Math.Clamp(x + k, 0, Size - 1)];
                rows[y * Size + x] = sum;
            }
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
            {
                var sum = 0f;
                for (var k = -r; k <= r; k++) sum += Kernel[k + r] * rows[Math.Clamp(y + k, 0, Size - 1) * Size + x];
                field[y * Size + x] = (float)(sum * Alpha);
            }
        return field;
    }

    static float Bilinear(ReadOnlySpan<float> image, double x, double y)
    {
        var (x0, y0) = ((int)Math.Floor(x), (int)Math.Floor(y));
        var (fx, fy) = ((float)(x - x0), (float)(y - y0));
        return Pixel(image, x0, y0) * (1 - fx) * (1 - fy) + Pixel(image, x0 + 1, y0) * fx * (1 - fy)
             + Pixel(image, x0, y0 + 1) * (1 - fx) * fy + Pixel(image, x0 + 1, y0 + 1) * fx * fy;
    }

    // Outside the picture is background (0).
    static float Pixel(ReadOnlySpan<float> image, int x, int y) =>
        x is < 0 or >= Size || y is < 0 or >= Size ? 0f : image[y * Size + x];

    static float[] GaussianKernel(double sigma)
    {
        var r = (int)Math.Ceiling(3 * sigma);
        var kernel = new float[2 * r + 1];
        for (var k = -r; k <= r; k++) kernel[k + r] = (float)Math.Exp(-k * k / (2 * sigma * sigma));
        var total = kernel.Sum();
        for (var i = 0; i < kernel.Length; i++) kernel[i] /= total;
        return kernel;
    }
}
