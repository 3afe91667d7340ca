using Katas.Kit.Pictures;
using SkiaSharp;

namespace Katas.MnistCnn;

/// <summary>
/// Given to you (not an exercise): draws digits in rows, each in a frame that is green when the
/// prediction was right and red when it was wrong, with the predicted digit written under it (and,
/// when wrong, the true digit in grey beside it).
/// </summary>
/// <remarks>
/// The labels are drawn with a tiny built-in pixel font instead of a system font, so the picture
/// looks the same on every machine, including those without any fonts installed.
/// </remarks>
public static class DigitGrid
{
    public const int Columns = 16;
    public const int Zoom = 2;          // a 28x28 digit is drawn 56x56
    public const int Border = 3;        // the coloured frame
    public const int LabelHeight = 16;  // the strip under the digit
    public const int Gap = 4;           // white space between tiles
    public const int TileWidth = Border + 28 * Zoom + Border;
    public const int TileHeight = Border + 28 * Zoom + LabelHeight + Border;

    public static readonly SKColor Right = new(0x2E, 0x7D, 0x32);
    public static readonly SKColor Wrong = new(0xC6, 0x28, 0x28);
    static readonly SKColor TrueLabel = new(0x75, 0x75, 0x75);

    /// <summary>The picture's size for <paramref name="count"/> tiles.</summary>
    public static (int Width, int Height) SizeOf(int count, int columns = Columns)
    {
        var rows = Math.Max(1, (count + columns - 1) / columns);
        return (Gap + columns * (TileWidth + Gap), Gap + rows * (TileHeight + Gap));
    }

    /// <summary>The top-left pixel of tile <paramref name="index"/> (its frame).</summary>
    public static (int X, int Y) TileOrigin(int index, int columns = Columns) =>
        (Gap + index % columns * (TileWidth + Gap), Gap + index / columns * (TileHeight + Gap));

    /// <summary>The top-left pixel of image pixel (row, column) inside tile <paramref name="index"/>.</summary>
    public static (int X, int Y) PixelOrigin(int index, int row, int column, int columns = Columns)
    {
        var (x, y) = TileOrigin(index, columns);
        return (x + Border + column * Zoom, y + Border + row * Zoom);
    }

    /// <param name="images">[M, 1, 28, 28] pixels in [0, 1].</param>
    /// <param name="predicted">[M] predicted digits.</param>
    /// <param name="labels">[M] true digits.</param>
    public static void Save(string path, Tensor images, Tensor predicted, Tensor labels, int columns = Columns)
    {
        var count = (int)predicted.shape[0];
        if (images.shape is not [_, 1, 28, 28] || images.shape[0] != count || labels.shape[0] != count)
            throw new ArgumentException(
                $"DigitGrid.Save wants images [M, 1, 28, 28] with M predictions and M labels; got images [{string.Join(", ", images.shape)}], " +
                $"{count} predictions and {labels.shape[0]} labels.");
        var pixels = images.cpu().to(float32).data<float>().ToArray();
        var guesses = predicted.cpu().to(int64).data<long>().ToArray();
        var truths = labels.cpu().to(int64).data<long>().ToArray();

        var (width, height) = SizeOf(count, columns);
        using var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint();
        for (var i = 0; i < count; i++)
        {
            var (x, y) = TileOrigin(i, columns);
            var right = guesses[i] == truths[i];
            paint.Color = right ? Right : Wrong;
            canvas.DrawRect(x, y, TileWidth, TileHeight, paint);
            paint.Color = SKColors.White;
            canvas.DrawRect(x + Border, y + Border + 28 * Zoom, 28 * Zoom, LabelHeight, paint);
            for (var r = 0; r < 28; r++)
                for (var c = 0; c < 28; c++)
                {
                    var ink = (byte)Math.Round(Math.Clamp(pixels[i * 784 + r * 28 + c], 0f, 1f) * 255);
                    paint.Color = new SKColor(ink, ink, ink);
                    var (px, py) = PixelOrigin(i, r, c, columns);
                    canvas.DrawRect(px, py, Zoom, Zoom, paint);
                }
            var labelY = y + Border + 28 * Zoom + 3;
            DrawDigit(canvas, guesses[i], x + Border + 4, labelY, right ? Right : Wrong);
            if (!right) DrawDigit(canvas, truths[i], x + Border + 16, labelY, TrueLabel);
        }
        Plots.Save(bitmap, path);
    }

    // 3x5 pixel glyphs for 0-9, one row per 3-bit number (bit 2 = left column).
    static readonly int[][] Glyphs =
    [
        [7, 5, 5, 5, 7], [2, 6, 2, 2, 7], [7, 1, 7, 4, 7], [7, 1, 7, 1, 7], [5, 5, 7, 1, 1],
        [7, 4, 7, 1, 7], [7, 4, 7, 5, 7], [7, 1, 2, 2, 2], [7, 5, 7, 5, 7], [7, 5, 7, 1, 7],
    ];

    static void DrawDigit(SKCanvas canvas, long digit, int x, int y, SKColor color)
    {
        if (digit is < 0 or > 9) return;
        using var paint = new SKPaint { Color = color };
        var glyph = Glyphs[digit];
        for (var row = 0; row < 5; row++)
            for (var column = 0; column < 3; column++)
                if ((glyph[row] >> (2 - column) & 1) == 1)
                    canvas.DrawRect(x + column * 2, y + row * 2, 2, 2, paint);
    }
}
