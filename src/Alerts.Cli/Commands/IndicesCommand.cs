using System.Globalization;
using System.Text;
using System.Text.Json;
using Alerts.Core.Statistics;
using Alerts.Core.Statistics.Scope;
using Spectre.Console;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts indices --input FILE [--format table|json|csv] [--basis weight|value] [--scope third|intra|all]</c>:
/// concentration indices per (reporter, product, flow, period, basis) from a Comext JSON-stat, Comext SDMX-CSV or
/// Comtrade JSON file, detected from content. Output is built in memory and written only when the whole file was
/// read, so bad input writes nothing to standard output.
/// </summary>
public static class IndicesCommand
{
    private static readonly string[] Options = ["input", "format", "basis", "scope"];

    /// <summary>Column order of the JSON and CSV output (DESIGN.md "Command line").</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["reporter", "product", "flow", "period", "basis", "unit", "total", "suppliers", "hhi", "hhiNormalized", "cr1", "cr3", "topSupplier", "equivalentSuppliers", "entropy"];

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string format;
        Basis basis;
        PartnerScopeKind scope;
        string input;
        try
        {
            var a = CommandArguments.Parse(args, Options);
            input = a.Required("input");
            format = a.Choice("format", "table", new Dictionary<string, string> { ["table"] = "table", ["json"] = "json", ["csv"] = "csv" });
            basis = a.Choice("basis", Basis.Weight, new Dictionary<string, Basis> { ["weight"] = Basis.Weight, ["value"] = Basis.Value });
            scope = a.Choice("scope", PartnerScopeKind.ThirdCountries, new Dictionary<string, PartnerScopeKind>
            {
                ["third"] = PartnerScopeKind.ThirdCountries,
                ["intra"] = PartnerScopeKind.IntraEu,
                ["all"] = PartnerScopeKind.AllCountries,
            });
        }
        catch (CommandUsageException e)
        {
            stderr.WriteLine($"alerts indices: {e.Message}");
            stderr.WriteLine("usage: alerts indices --input FILE [--format table|json|csv] [--basis weight|value] [--scope third|intra|all]");
            return Task.FromResult(2);
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

        var rows = PeriodIndices.Compute(data.Observations, basis, scope);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        switch (format)
        {
            case "json":
                WriteJson(output, rows);
                break;
            case "csv":
                WriteCsv(output, rows);
                break;
            default:
                WriteTable(output, rows, data);
                break;
        }

        stdout.Write(output.ToString());
        stdout.Flush();
        return Task.FromResult(0);
    }

    private static string FlowName(TradeFlow flow) => flow == TradeFlow.Import ? "import" : "export";

    private static string BasisName(Basis basis) => basis == Basis.Weight ? "weight" : "value";

    private static string Unit(PeriodIndices r) => r.Basis == Basis.Weight ? "kg" : r.Currency;

    private static void WriteJson(StringWriter output, IReadOnlyList<PeriodIndices> rows)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                var i = r.Indices;
                w.WriteStartObject();
                w.WriteString("reporter", r.Reporter);
                w.WriteString("product", r.Product);
                w.WriteString("flow", FlowName(r.Flow));
                w.WriteString("period", r.Period.ToString());
                w.WriteString("basis", BasisName(r.Basis));
                w.WriteString("unit", Unit(r));
                w.WriteNumber("total", i.Total);
                w.WriteNumber("suppliers", i.Suppliers);
                w.WriteNumber("hhi", i.Hhi);
                w.WriteNumber("hhiNormalized", i.HhiNormalized);
                w.WriteNumber("cr1", i.Cr1);
                w.WriteNumber("cr3", i.Cr3);
                if (i.TopSupplier is null)
                {
                    w.WriteNull("topSupplier");
                }
                else
                {
                    w.WriteString("topSupplier", i.TopSupplier);
                }

                w.WriteNumber("equivalentSuppliers", i.EquivalentSuppliers);
                w.WriteNumber("entropy", i.Entropy);
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

    private static void WriteCsv(StringWriter output, IReadOnlyList<PeriodIndices> rows)
    {
        output.Write(string.Join(",", Fields));
        output.Write('\n');
        foreach (var r in rows)
        {
            var i = r.Indices;
            output.Write(string.Join(",",
                r.Reporter, r.Product, FlowName(r.Flow), r.Period.ToString(), BasisName(r.Basis), Unit(r),
                i.Total.ToString(CultureInfo.InvariantCulture), i.Suppliers.ToString(CultureInfo.InvariantCulture),
                D(i.Hhi), D(i.HhiNormalized), D(i.Cr1), D(i.Cr3), i.TopSupplier ?? string.Empty, D(i.EquivalentSuppliers), D(i.Entropy)));
            output.Write('\n');
        }
    }

    private static string D(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteTable(StringWriter output, IReadOnlyList<PeriodIndices> rows, TradeDataSet data)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{data.Source} {data.Format} - {data.Origin} - vintage {data.Vintage}");
        foreach (var c in new[] { "reporter", "product", "flow", "period", "basis", "total", "N", "HHI", "HHI norm", "CR1", "CR3", "top", "equiv.", "entropy" })
        {
            table.AddColumn(new TableColumn(c).RightAligned());
        }

        foreach (var r in rows)
        {
            var i = r.Indices;
            table.AddRow(
                r.Reporter, r.Product, FlowName(r.Flow), r.Period.ToString(), BasisName(r.Basis),
                string.Create(CultureInfo.InvariantCulture, $"{i.Total:N0} {Unit(r)}"), i.Suppliers.ToString(CultureInfo.InvariantCulture),
                i.Hhi.ToString("F0", CultureInfo.InvariantCulture), i.HhiNormalized.ToString("F3", CultureInfo.InvariantCulture),
                i.Cr1.ToString("P1", CultureInfo.InvariantCulture), i.Cr3.ToString("P1", CultureInfo.InvariantCulture),
                i.TopSupplier ?? "-", i.EquivalentSuppliers.ToString("F2", CultureInfo.InvariantCulture), i.Entropy.ToString("F3", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
