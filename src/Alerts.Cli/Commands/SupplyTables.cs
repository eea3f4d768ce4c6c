using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Compute.Stockpiling;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;
using Spectre.Console;

namespace Alerts.Cli.Commands;

/// <summary>
/// The CRMA and supply-risk tables of <c>alerts indices --format table</c>, laid out for 80 columns: figures in the
/// tables, long text (CRMA notes, defaults used, stages left out, WGI provenance) as lines below them. With production,
/// the EU's own share against the CRMA 10%/40% benchmarks beside the 65% test (<see cref="StageBenchmark"/>).
/// </summary>
internal static class SupplyTables
{
    public static void Write(IAnsiConsole console, IReadOnlyList<WindowedIndices> rows, SupplyMetrics metrics, PartnerScopeKind scope, bool parametersGiven)
    {
        WriteCrma(console, rows, metrics, scope);
        if (parametersGiven)
        {
            WriteSupplyRisk(console, metrics);
        }
    }

    private static void WriteCrma(IAnsiConsole console, IReadOnlyList<WindowedIndices> rows, SupplyMetrics metrics, PartnerScopeKind scope)
    {
        // Headers no wider than their figures, so the table fits without breaking a word.
        var crma = new Table().Border(TableBorder.Rounded).Title("CRMA shares (top third country; Regulation (EU) 2024/1252 Art. 5: 65% of consumption)")
            .Caption("import / cons. = share of imports / of apparent consumption; kg; more: --format json|csv");
        foreach (var c in new[] { "reporter", "product", "year", "top", "import", "cons.", "exports", "production" })
        {
            crma.AddColumn(new TableColumn(c).PadLeft(0));
        }

        var notes = new List<string>();
        foreach (var r in rows)
        {
            var s = SupplyColumns.For(r, metrics, scope);
            if (s.CrmaNote is null)
            {
                continue;
            }

            var row = r.Row;
            crma.AddRow(
                Markup.Escape(row.Reporter), Markup.Escape(row.Product), row.Period.ToString(),
                Markup.Escape(s.Crma?.TopSupplier ?? "-"), P(s.Crma is { Partners.Count: > 0 } c ? c.TopImportShare : null), P(s.Crma?.TopConsumptionShare),
                Kg(s.Crma is { ExportsReported: true } e ? e.Exports : null), Kg(s.Crma?.Production));
            notes.Add($"{row.Reporter} {row.Product} {row.Period}: {s.CrmaNote}");
        }

        if (crma.Rows.Count > 0)
        {
            console.Write(crma);
            Lines(console, notes);
        }

        WriteBenchmarks(console, rows, metrics, scope);
    }

    // One row per annual import row whose product the catalog files under one ore, intermediate or metal stage, with production.
    private static void WriteBenchmarks(IAnsiConsole console, IReadOnlyList<WindowedIndices> rows, SupplyMetrics metrics, PartnerScopeKind scope)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("CRMA benchmarks (EU's own share of consumption; Art. 5: extraction 10%, processing 40%)")
            .Caption("EU = production / apparent consumption; top = the largest third country, against 65%");
        foreach (var c in new[] { "reporter", "product", "year", "activity", "EU", "target", "met", "top", "share", ">65%" })
        {
            table.AddColumn(new TableColumn(c).PadLeft(0));
        }

        foreach (var r in rows.Where(r => r.Row.Basis == Basis.Weight))
        {
            var row = r.Row;
            var stages = CommodityCatalog.Default.Classify(row.Product).Select(c => c.Stage).Distinct().ToList();
            if (SupplyColumns.For(r, metrics, scope).Crma is not { } crma || stages is not [var stage] || StageBenchmark.For(crma, stage) is not { } b)
            {
                continue;
            }

            table.AddRow(
                Markup.Escape(row.Reporter), Markup.Escape(row.Product), row.Period.ToString(), b.Activity, P(b.EuShare), P(b.Benchmark),
                b.MeetsBenchmark ? "yes" : "no", Markup.Escape(b.TopSupplier ?? "-"), P(b.TopThirdCountryShare), b.ExceedsSingleCountryBenchmark ? "yes" : "no");
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }
    }

    private static void WriteSupplyRisk(IAnsiConsole console, SupplyMetrics metrics)
    {
        foreach (var r in metrics.SupplyRisk)
        {
            var risk = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape($"EU supply risk of {r.Material} {r.Year} (2017 criticality method; threshold 1)"))
                .Caption("HHI_WGI global and EU; EoL = EoL-RIR; worst = the bottleneck stage");
            foreach (var c in new[] { "stage", "SR", "HHI_WGI", "EU", "IR", "EoL", "SI", "worst", "indicative" })
            {
                risk.AddColumn(new TableColumn(c).PadLeft(0));
            }

            var lines = new List<string> { $"WGI: {r.WgiSource}, {r.WgiVintage}, {r.WgiDimension}" };
            foreach (var s in r.Stages)
            {
                risk.AddRow(
                    SupplyMetricsCalculator.Name(s.Stage), F(s.SupplyRisk), F(s.HhiWgiGlobal), F(s.HhiWgiEu), F(s.ImportReliance), F(s.EolRir), F(s.SubstitutionIndex),
                    s.Stage == r.Bottleneck ? "yes" : "-", s.IsIndicative || r.OmittedStages.Count > 0 ? "indicative" : "-");
                lines.AddRange(s.Defaults.Select(d => $"{SupplyMetricsCalculator.Name(s.Stage)}: default used: {d}"));
            }

            lines.AddRange(r.OmittedStages.Select(o => "stage left out: " + o));
            console.Write(risk);
            Lines(console, lines);
        }

        Lines(console, metrics.Notes.Select(n => "supply risk of " + n));
    }

    private static void Lines(IAnsiConsole console, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            console.WriteLine(line);
        }
    }

    private static string P(double? x) => x?.ToString("P1", CultureInfo.InvariantCulture) ?? "-";

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Kg(decimal? x) => x is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";
}
