using SkiaSharp;

namespace Katas.Kit.Pictures;

/// <summary>One curve of a line plot: y against x, drawn in one colour.</summary>
public sealed record Series(string Name, float[] X, float[] Y, SKColor Color, float Width = 2f);

/// <summary>
/// Curves on shared axes, as a PNG (what matplotlib's <c>plt.plot</c> shows in the tutorials):
/// a frame, the line y = 0, then every series in order, later ones on top. Lines are drawn without
/// anti-aliasing, so every pixel of a curve has exactly its series' colour (tests count them).
/// </summary>
public static class LinePlots
{
    public static readonly SKColor Background = SKColors.White;
    public static readonly SKColor Axis = new(0x90, 0x90, 0x90);
    const int Margin = 20;

    /// <summary>Draws the series into a width x height PNG at <paramref name="path"/>.</summary>
    public static void Save(string path, IReadOnlyList<Series> series, int width = 640, int height = 360)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("a line plot needs at least one series to draw.", nameof(series));
        foreach (var s in series)
        {
            if (s.X.Length != s.Y.Length)
                throw new ArgumentException($"series '{s.Name}' has {s.X.Length} x values but {s.Y.Length} y values: give one y per x.", nameof(series));
            if (s.X.Length < 2)
                throw new ArgumentException($"series '{s.Name}' has {s.X.Length} point(s): a line needs at least 2.", nameof(series));
            if (s.X.Concat(s.Y).Any(v => !float.IsFinite(v)))
                throw new ArgumentException($"series '{s.Name}' holds NaN or infinity, which cannot be drawn (did training diverge?).", nameof(series));
        }
        if (width <= 2 * Margin || height <= 2 * Margin)
            throw new ArgumentOutOfRangeException(nameof(width), $"a {width} x {height} picture leaves no room inside its {Margin}-pixel margins.");

        var (xMin, xMax) = Range(series.SelectMany(s => s.X));
        var (yMin, yMax) = Range(series.SelectMany(s => s.Y).Append(0f));
        float Px(float x) => Margin + (x - xMin) / (xMax - xMin) * (width - 2 * Margin);
        float Py(float y) => height - Margin - (y - yMin) / (yMax - yMin) * (height - 2 * Margin); // row 0 is the top

        using var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(Background);
        using var axis = new SKPaint { Color = Axis, StrokeWidth = 1, Style = SKPaintStyle.Stroke, IsAntialias = false };
        canvas.DrawRect(Margin, Margin, width - 2 * Margin, height - 2 * Margin, axis);
        canvas.DrawLine(Margin, Py(0), width - Margin, Py(0), axis);
        foreach (var s in series)
        {
            using var pen = new SKPaint { Color = s.Color, StrokeWidth = s.Width, Style = SKPaintStyle.Stroke, IsAntialias = false };
            using var line = new SKPath();
            line.MoveTo(Px(s.X[0]), Py(s.Y[0]));
            for (var i = 1; i < s.X.Length; i++) line.LineTo(Px(s.X[i]), Py(s.Y[i]));
            canvas.DrawPath(line, pen);
        }
        Plots.Save(bitmap, path);
    }

    /// <summary>The smallest and largest value, 5 % apart from the frame.</summary>
    static (float Min, float Max) Range(IEnumerable<float> values)
    {
        var (min, max) = (values.Min(), values.Max());
        if (max - min < 1e-6f) (min, max) = (min - 1, max + 1); // a flat line still gets a scale
        var pad = (max - min) * 0.05f;
        return (min - pad, max + pad);
    }
}
