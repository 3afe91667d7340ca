using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Kit.Pictures;

/// <summary>
/// The pictures the katas draw (decision regions, digit grids, curves), as PNG files. Drawing is
/// not what the katas teach, so it lives here; the chapters decide what to draw.
/// </summary>
public static class Plots
{
    /// <summary>Region colours (light) and point colours (strong), one pair per class.</summary>
    public static readonly SKColor[] RegionColors =
        [new(0xFF, 0xD6, 0xD6), new(0xD6, 0xE4, 0xFF), new(0xD9, 0xF2, 0xD0), new(0xF5, 0xE6, 0xC8)];

    static readonly SKColor[] PointColors =
        [new(0xC6, 0x28, 0x28), new(0x1E, 0x4F, 0xC2), new(0x2E, 0x7D, 0x32), new(0xB2, 0x6A, 0x00)];

    /// <summary>
    /// Paints every pixel of a size x size square by the class <paramref name="classify"/> gives its
    /// (x, y) position in [-extent, extent]², then draws the labelled points on top.
    /// </summary>
    /// <param name="classify">Takes float32 [M, 2] positions, returns int64 [M] classes (on the CPU).</param>
    public static void SaveDecisionRegions(string path, Func<Tensor, Tensor> classify, Tensor points, Tensor labels,
        int size = 480, float extent = 6f)
    {
        using var scope = torch.NewDisposeScope();
        var axis = torch.linspace(-extent, extent, size);
        // Row 0 of the image is the top, so y runs from +extent down to -extent.
        var grid = torch.stack([axis.repeat(size), axis.flip(0).repeat_interleave(size)], dim: 1);
        var classes = classify(grid).to(ScalarType.Int64).cpu().data<long>().ToArray();

        using var bitmap = new SKBitmap(size, size);
        for (var i = 0; i < classes.Length; i++)
            bitmap.SetPixel(i % size, i / size, RegionColors[(int)Math.Clamp(classes[i], 0, RegionColors.Length - 1)]);

        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { IsAntialias = true };
        var xy = points.cpu().to(ScalarType.Float32).data<float>().ToArray();
        var ys = labels.cpu().to(ScalarType.Int64).data<long>().ToArray();
        for (var i = 0; i < ys.Length; i++)
        {
            paint.Color = PointColors[(int)Math.Clamp(ys[i], 0, PointColors.Length - 1)];
            canvas.DrawCircle(ToPixel(xy[2 * i], extent, size), ToPixel(-xy[2 * i + 1], extent, size), 3f, paint);
        }
        Save(bitmap, path);
    }

    static float ToPixel(float value, float extent, int size) => (value + extent) / (2 * extent) * (size - 1);

    /// <summary>Writes a bitmap as PNG, atomically (a reader never sees half a file).</summary>
    public static void Save(SKBitmap bitmap, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".partial";
        using (var image = SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(SKEncodedImageFormat.Png, 100))
        using (var file = File.Create(temp))
            data.SaveTo(file);
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Decodes a PNG file (for tests and tools); throws when it is not a readable image.</summary>
    public static SKBitmap Load(string path) =>
        SKBitmap.Decode(path) ?? throw new InvalidDataException($"{path} is not an image SkiaSharp can decode.");
}
