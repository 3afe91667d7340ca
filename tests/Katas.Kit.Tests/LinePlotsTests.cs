using Katas.Kit.Pictures;
using Katas.Kit.Testing;
using SkiaSharp;

namespace Katas.Kit.Tests;

public class LinePlotsTests
{
    static readonly SKColor Red = new(0xC6, 0x28, 0x28);
    static readonly SKColor Blue = new(0x1E, 0x4F, 0xC2);

    static string TempPng() => Path.Combine(Path.GetTempPath(), $"katas-lineplot-{Guid.NewGuid():N}.png");

    [Fact]
    public void Every_series_is_drawn_in_its_colour_where_its_values_are()
    {
        var path = TempPng();
        float[] x = [0f, 1f, 2f, 3f];
        try
        {
            LinePlots.Save(path, [new("rising", x, [0f, 1f, 2f, 3f], Red), new("flat", x, [3f, 3f, 3f, 3f], Blue)], width: 200, height: 100);

            using var picture = Plots.Load(path);
            picture.Width.ShouldBe(200);
            picture.Height.ShouldBe(100);
            var red = picture.PixelsOf(Red);
            var blue = picture.PixelsOf(Blue);
            red.Count.ShouldBeGreaterThan(150, "the rising line crosses the plot");
            blue.Count.ShouldBeGreaterThan(150, "the flat line crosses the plot");
            // Row 0 is the top: the rising line starts low on the left and ends high on the right.
            red.Where(p => p.X < 40).Average(p => p.Y).ShouldBeGreaterThan(red.Where(p => p.X > 160).Average(p => p.Y));
            blue.Max(p => p.Y).ShouldBeLessThan(30, "y = 3 is the top of the range, so the flat line runs near the top");
            // PixelsOf goes row by row from the top: red[0] is the rising line's top end, red[^1] its bottom end.
            picture.HasNear(red[0], Blue, radius: 8).ShouldBeTrue("both lines end at y = 3, top right");
            picture.HasNear(red[^1], Blue, radius: 8).ShouldBeFalse("at the bottom left the rising line is far from the flat one");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Series_that_cannot_be_drawn_are_rejected_with_the_reason()
    {
        float[] x = [0f, 1f, 2f];
        Should.Throw<ArgumentException>(() => LinePlots.Save(TempPng(), [new("short", x, [1f, 2f], Red)]))
            .Message.ShouldContain("3 x values but 2 y values");
        Should.Throw<ArgumentException>(() => LinePlots.Save(TempPng(), [new("diverged", x, [1f, float.NaN, 2f], Red)]))
            .Message.ShouldContain("NaN");
        Should.Throw<ArgumentException>(() => LinePlots.Save(TempPng(), []))
            .Message.ShouldContain("at least one series");
    }
}
