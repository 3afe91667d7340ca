using Katas.Grader.Core;
using Spectre.Console;

namespace Katas.Grader.Rendering;

/// <summary>`katas doctor`'s table: one row per check, with how to fix what is not right.</summary>
public static class DoctorReport
{
    public static void Render(IAnsiConsole console, IEnumerable<Doctor.Check> checks)
    {
        var table = new Table().RoundedBorder().AddColumn("").AddColumn("Check").AddColumn("Finding").AddColumn("Fix");
        foreach (var c in checks)
            table.AddRow(c.Verdict switch { Doctor.Verdict.Ok => "[green]✓[/]", Doctor.Verdict.Warning => "[yellow]![/]", _ => "[red]✗[/]" },
                Markup.Escape(c.Name), Markup.Escape(c.Detail), Markup.Escape(c.Fix ?? ""));
        console.Write(table);
    }
}
