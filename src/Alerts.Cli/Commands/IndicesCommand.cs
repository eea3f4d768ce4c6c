using System.Globalization;
using System.Text;
using System.Text.Json;
using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;
using Spectre.Console;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts indices --input FILE [--format table|json|csv] [--basis weight|value] [--scope third|intra|all]
/// [--window published|annual|rolling12|monthly] [--commodity ID[/STAGE]] [--catalog FILE] [--production FILE] [--wgi FILE]
/// [--supply-risk FILE]</c>: concentration indices per (reporter, product, flow, period, basis) from a Comext JSON-stat,
/// Comext SDMX-CSV or Comtrade JSON file, detected from content, computed by
/// <see cref="IndexEngine"/>. The default window <c>published</c> gives one row per period as it appears in the
/// file (annual rows for annual data, monthly rows for monthly data). Besides the contract fields each row has the
/// window, its coverage and the changes against the previous period and a year earlier (null when there is no
/// earlier period with suppliers). Annual import rows also carry the CRMA shares (import proxy always; consumption proxy
/// with a <c>--production</c> table and export figures in the input, else a note saying only the import proxy is
/// available and why) and, with <c>--supply-risk</c> parameters linking a stage to the row's product, that stage's EU
/// supply risk (<see cref="SupplyColumns"/>). Output is built in memory and written only when the whole file was read,
/// so bad input writes nothing to standard output. With <c>--commodity</c> the file's codes of that catalog commodity
/// (the shipped catalog, or it with the entries of <c>--catalog FILE</c>) are summed per stage first, as the pull
/// does, and each row's product is the commodity series (<c>graphite/ore</c>); which codes were summed, and any
/// catalog code the file lacks, is said on standard error.
/// </summary>
public static class IndicesCommand
{
    private static readonly string[] Options = ["input", "format", "basis", "scope", "window", "commodity", "catalog", "production", "wgi", "supply-risk"];

    private const string Usage = "usage: alerts indices --input FILE [--format table|json|csv] [--basis weight|value] [--scope third|intra|all] [--window published|annual|rolling12|monthly] [--commodity ID[/STAGE]] [--catalog FILE] [--production FILE] [--wgi FILE] [--supply-risk FILE]";

    /// <summary>Per change (previous period, year ago): the field-name suffix and the row's change.</summary>
    private static readonly (string Suffix, string Prefix, Func<WindowedIndices, IndexChange?> Change)[] Changes =
    [
        ("FromPrevious", "previous", r => r.FromPrevious),
        ("FromYearAgo", "yearAgo", r => r.FromYearAgo),
    ];

    /// <summary>Column order of the JSON and CSV output (DESIGN.md "Command line"); the index fields are the index set's (<see cref="IndexFields"/>).</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "reporter", "product", "flow", "period", "basis", "unit", .. IndexFields.Stored.Select(f => f.Name),
        "window", .. IndexFields.Derived.Select(f => f.Name), "monthsCovered", "complete", "fromAnnualData", "unreportedPartners",
        .. Changes.SelectMany(c => IndexFieldColumns.ChangeNames(c.Suffix, c.Prefix)), .. SupplyColumns.Fields,
    ];

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string format;
        Basis basis;
        PartnerScopeKind scope;
        IndexSelection window;
        string input;
        string? commodity;
        string? catalogFile;
        string? production, wgi, parameters;
        try
        {
            var a = CommandArguments.Parse(args, Options);
            input = a.Required("input");
            commodity = a.Get("commodity");
            catalogFile = a.Get("catalog");
            format = a.Choice("format", "table", new Dictionary<string, string> { ["table"] = "table", ["json"] = "json", ["csv"] = "csv" });
            basis = a.Choice("basis", Basis.Weight, new Dictionary<string, Basis> { ["weight"] = Basis.Weight, ["value"] = Basis.Value });
            scope = a.Choice("scope", PartnerScopeKind.ThirdCountries, new Dictionary<string, PartnerScopeKind>
            {
                ["third"] = PartnerScopeKind.ThirdCountries,
                ["intra"] = PartnerScopeKind.IntraEu,
                ["all"] = PartnerScopeKind.AllCountries,
            });
            window = a.Choice("window", IndexSelection.Published, new Dictionary<string, IndexSelection>
            {
                ["published"] = IndexSelection.Published,
                ["annual"] = IndexSelection.Annual,
                ["rolling12"] = IndexSelection.Rolling12,
                ["monthly"] = IndexSelection.Monthly,
            });
            production = a.Get("production");
            wgi = a.Get("wgi");
            parameters = a.Get("supply-risk");
        }
        catch (CommandUsageException e)
        {
            stderr.WriteLine($"alerts indices: {e.Message}");
            stderr.WriteLine(Usage);
            return Task.FromResult(2);
        }

        SupplyRiskInputs inputs;
        try
        {
            inputs = SupplyRiskFiles.Load(production, wgi, parameters);
        }
        catch (SupplyRiskFileException e)
        {
            stderr.WriteLine($"alerts indices: {e.Message}");
            return Task.FromResult(1);
        }

        TradeDataSet data;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            data = TradeDataReader.ReadFile(input, new TradeDataReaderOptions { MaxBytes = 2L * 1024 * 1024 * 1024 });
        }
        catch (TradeDataFormatException e)
        {
            stderr.WriteLine($"alerts indices: {input}: {e.Location}: {e.Problem} ({e.DataSource})");
            return Task.FromResult(1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"alerts indices: cannot read {input}: {e.Message}");
            return Task.FromResult(1);
        }

        var observations = data.Observations;
        if (commodity is not null || catalogFile is not null)
        {
            var (summed, code) = CommodityInput.Sum(data, input, commodity, catalogFile, stderr);
            if (summed is null)
            {
                return Task.FromResult(code);
            }

            observations = summed;
        }

        var rows = WindowedIndices.Compute(observations, basis, scope, window);
        var metrics = SupplyMetricsCalculator.Compute(observations, inputs);
        var supply = rows.Select(r => SupplyColumns.For(r, metrics, scope)).ToList();
        var output = new StringWriter(CultureInfo.InvariantCulture);
        switch (format)
        {
            case "json":
                WriteJson(output, rows, supply);
                break;
            case "csv":
                WriteCsv(output, rows, supply);
                break;
            default:
                IndicesTable.Write(output, rows, data, basis, window, metrics, scope, parameters is not null);
                break;
        }

        if (format != "table")
        {
            foreach (var note in SupplyColumns.UnattachedNotes(metrics, rows))
            {
                stderr.WriteLine($"alerts indices: {note}");
            }
        }

        stdout.Write(output.ToString());
        stdout.Flush();
        return Task.FromResult(0);
    }

    internal static string FlowName(TradeFlow flow) => flow == TradeFlow.Import ? "import" : "export";

    internal static string BasisName(Basis basis) => basis == Basis.Weight ? "weight" : "value";

    internal static string WindowName(IndexWindow window) => window switch
    {
        IndexWindow.Monthly => "monthly",
        IndexWindow.Annual => "annual",
        _ => "rolling12",
    };

    internal static string Unit(WindowedIndices r) => r.Row.Basis == Basis.Weight ? "kg" : r.Currency;

    private static void WriteJson(StringWriter output, IReadOnlyList<WindowedIndices> rows, IReadOnlyList<SupplyColumns.RowSupply> supply)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            for (var n = 0; n < rows.Count; n++)
            {
                var r = rows[n];
                var i = r.Indices;
                var row = r.Row;
                w.WriteStartObject();
                w.WriteString("reporter", row.Reporter);
                w.WriteString("product", row.Product);
                w.WriteString("flow", FlowName(row.Flow));
                w.WriteString("period", row.Period.ToString());
                w.WriteString("basis", BasisName(row.Basis));
                w.WriteString("unit", Unit(r));
                IndexFieldColumns.WriteJson(w, IndexFields.Stored, i);
                w.WriteString("window", WindowName(row.Window));
                IndexFieldColumns.WriteJson(w, IndexFields.Derived, i);
                w.WriteNumber("monthsCovered", row.MonthsCovered);
                w.WriteBoolean("complete", row.IsComplete);
                w.WriteBoolean("fromAnnualData", row.FromAnnualData);
                w.WriteNumber("unreportedPartners", row.UnreportedPartners);
                foreach (var (suffix, prefix, change) in Changes)
                {
                    IndexFieldColumns.WriteChangeJson(w, suffix, prefix, change(r));
                }

                SupplyColumns.WriteJson(w, supply[n]);
                w.WriteStartArray("topSuppliers");
                foreach (var s in i.TopSuppliers.Take(5))
                {
                    w.WriteStartObject();
                    w.WriteString("partner", s.Partner);
                    w.WriteNumber("amount", s.Amount);
                    w.WriteNumber("share", s.Share);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    private static void WriteCsv(StringWriter output, IReadOnlyList<WindowedIndices> rows, IReadOnlyList<SupplyColumns.RowSupply> supply)
    {
        output.Write(string.Join(",", Fields));
        output.Write('\n');
        var cells = new List<string>(Fields.Count);
        for (var n = 0; n < rows.Count; n++)
        {
            var r = rows[n];
            var i = r.Indices;
            var row = r.Row;
            cells.Clear();
            cells.AddRange([
                row.Reporter, row.Product, FlowName(row.Flow), row.Period.ToString(), BasisName(row.Basis), Unit(r),
                .. IndexFieldColumns.Csv(IndexFields.Stored, i),
                WindowName(row.Window), .. IndexFieldColumns.Csv(IndexFields.Derived, i), row.MonthsCovered.ToString(CultureInfo.InvariantCulture),
                row.IsComplete ? "true" : "false", row.FromAnnualData ? "true" : "false", row.UnreportedPartners.ToString(CultureInfo.InvariantCulture)]);
            foreach (var (suffix, prefix, change) in Changes)
            {
                cells.AddRange(IndexFieldColumns.ChangeCsv(suffix, prefix, change(r)));
            }

            cells.AddRange(SupplyColumns.CsvCells(supply[n]));
            output.Write(string.Join(",", cells));
            output.Write('\n');
        }
    }
}
