using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;
using Spectre.Console;

namespace Alerts.Cli.Commands;

/// <summary>
/// The table output of <c>alerts indices</c>: sized for an 80-column terminal, so it shows the row's identity and the
/// headline fields of the index set (<see cref="Shown"/>); basis and window are the whole run's and go in the title,
/// an incomplete window is marked <c>*</c> on its period. Every other field (normalized HHI, equivalent suppliers,
/// entropy, changes, coverage, supply risk) is in <c>--format json</c> and <c>csv</c>.
/// </summary>
internal static class IndicesTable
{
    /// <summary>Terminal width the tables are laid out for (wider cells wrap).</summary>
    public const int Width = 80;

    /// <summary>The index fields shown, with their header and how a value is printed.</summary>
    private static readonly (IndexField Field, string Header, Func<object?, string> Format)[] Shown =
    [
        (IndexFields.Total, "total", v => string.Create(CultureInfo.InvariantCulture, $"{v:N0}")),
        (IndexFields.Suppliers, "N", v => IndexField.Text(v)),
        (IndexFields.Hhi, "HHI", v => ((double)v!).ToString("F0", CultureInfo.InvariantCulture)),
        (IndexFields.Cr1, "CR1", v => ((double)v!).ToString("0.0%", CultureInfo.InvariantCulture)),
        (IndexFields.Cr3, "CR3", v => ((double)v!).ToString("0.0%", CultureInfo.InvariantCulture)),
        (IndexFields.TopSupplier, "top", v => v as string ?? "-"),
    ];

    public static void Write(
        TextWriter output, IReadOnlyList<WindowedIndices> rows, TradeDataSet data, Basis basis, IndexSelection window, SupplyMetrics metrics, PartnerScopeKind scope, bool parametersGiven)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Width;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{data.Source} {data.Format} - {data.Origin} - vintage {data.Vintage}"))
            .Caption(Markup.Escape($"basis {IndicesCommand.BasisName(basis)} ({string.Join("/", rows.Select(IndicesCommand.Unit).Distinct(StringComparer.Ordinal).DefaultIfEmpty(basis == Basis.Weight ? "kg" : "-"))}), "
                + $"window {window.ToName()}; * = fewer than 12 months; more fields: --format json|csv"));
        foreach (var header in (string[])["reporter", "product", "flow", "period"])
        {
            table.AddColumn(new TableColumn(header).PadLeft(0));
        }

        foreach (var (_, header, _) in Shown)
        {
            table.AddColumn(new TableColumn(header).RightAligned().PadLeft(0));
        }

        foreach (var r in rows)
        {
            var row = r.Row;
            table.AddRow([
                Markup.Escape(row.Reporter), Markup.Escape(row.Product), IndicesCommand.FlowName(row.Flow), row.Period + (row.IsComplete ? string.Empty : "*"),
                .. Shown.Select(c => Markup.Escape(c.Format(c.Field.Value(r.Indices)))),
            ]);
        }

        console.Write(table);
        SupplyTables.Write(console, rows, metrics, scope, parametersGiven);
    }
}
