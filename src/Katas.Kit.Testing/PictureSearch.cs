using SkiaSharp;

namespace Katas.Kit.Testing;

/// <summary>
/// Finding drawn things in a picture read back from a PNG: the plots draw without anti-aliasing,
/// so every pixel of a curve or a region has exactly its colour.
/// </summary>
public static class PictureSearch
{
    /// <summary>The (column, row) of every pixel that has exactly <paramref name="colour"/>; row 0 is the top.</summary>
    public static List<(int X, int Y)> PixelsOf(this SKBitmap picture, SKColor colour)
    {
        var found = new List<(int, int)>();
        for (var y = 0; y < picture.Height; y++)
            for (var x = 0; x < picture.Width; x++)
                if (picture.GetPixel(x, y) == colour) found.Add((x, y));
        return found;
    }

    /// <summary>True when a pixel of <paramref name="colour"/> lies in the square of half-width <paramref name="radius"/> around <paramref name="at"/>.</summary>
    public static bool HasNear(this SKBitmap picture, (int X, int Y) at, SKColor colour, int radius)
    {
        for (var y = Math.Max(0, at.Y - radius); y <= Math.Min(picture.Height - 1, at.Y + radius); y++)
            for (var x = Math.Max(0, at.X - radius); x <= Math.Min(picture.Width - 1, at.X + radius); x++)
                if (picture.GetPixel(x, y) == colour) return true;
        return false;
    }
}
