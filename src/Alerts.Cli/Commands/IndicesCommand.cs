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
/// supply risk (<see cref="SupplyColumns"/>). Those groups and the changes are written on request (<c>--columns</c>;
/// <c>--production</c>, <c>--wgi</c> and <c>--supply-risk</c> ask for the columns they feed). Any row order is accepted.
/// Output is written as rows are computed, to standard output or atomically to <c>--output FILE</c>, and only once the
/// whole file was read, so bad input writes nothing. A Comext SDMX-CSV file without CRMA or supply-risk columns takes
/// the streaming path (<see cref="IndicesFastPath"/>). With <c>--commodity</c> the file's codes of that catalog commodity
/// (the shipped catalog, or it with the entries of <c>--catalog FILE</c>) are summed per stage first, as the pull
/// does, and each row's product is the commodity series (<c>graphite/ore</c>); which codes were summed, and any
/// catalog code the file lacks, is said on standard error.
/// </summary>
public static class IndicesCommand
{
    private static readonly string[] Options = ["input", "format", "basis", "scope", "window", "commodity", "catalog", "production", "wgi", "supply-risk", "output", "columns"];

    private const string Usage = "usage: alerts indices --input FILE [--format table|json|csv] [--basis weight|value] [--scope third|intra|all] [--window published|annual|rolling12|monthly] [--commodity ID[/STAGE]] [--catalog FILE] [--production FILE] [--wgi FILE] [--supply-risk FILE] [--columns changes,crma,supply-risk|all] [--output FILE]";

    /// <summary>Column order of the JSON and CSV output, every group included (<see cref="IndicesColumns"/>).</summary>
    public static IReadOnlyList<string> Fields => IndicesColumns.All;

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
        string? outputFile;
        ColumnGroups groups;
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
            outputFile = a.Get("output");
            groups = IndicesColumns.ParseGroups(a.Get("columns"))
                ?? throw new CommandUsageException($"--columns must list changes, crma, supply-risk or all, not '{a.Get("columns")}'");
            // Operator files ask for the columns they feed.
            groups |= production is null ? ColumnGroups.None : ColumnGroups.Crma;
            groups |= parameters is null && wgi is null ? ColumnGroups.None : ColumnGroups.SupplyRisk;
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

        var readerOptions = new TradeDataReaderOptions { MaxBytes = 2L * 1024 * 1024 * 1024 };
        if (format != "table" && commodity is null && catalogFile is null && (groups & (ColumnGroups.Crma | ColumnGroups.SupplyRisk)) == 0
            && IndicesFastPath.IsSdmxCsv(input))
        {
            (IndexEngine Engine, SdmxCsvLoad Load)? loaded;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                loaded = IndicesFastPath.Load(input, basis, scope, window, readerOptions);
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

            if (loaded is { } l)
            {
                return Task.FromResult(IndicesOutputFile.Write(outputFile, stdout, stderr, text =>
                    IndicesFastPath.Write(l.Engine, l.Load, basis, window, text, format, groups)));
            }
        }

        TradeDataSet data;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            data = TradeDataReader.ReadFile(input, readerOptions);
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
        if (format != "table")
        {
            foreach (var note in SupplyColumns.UnattachedNotes(metrics, rows))
            {
                stderr.WriteLine($"alerts indices: {note}");
            }
        }

        return Task.FromResult(IndicesOutputFile.Write(outputFile, stdout, stderr, text =>
        {
            if (format == "table")
            {
                IndicesTable.Write(text, rows, data, basis, window, metrics, scope, parameters is not null);
                return;
            }

            var writer = new IndicesWriter(text, format, groups);
            writer.Begin();
            foreach (var r in rows)
            {
                writer.Write(r, SupplyColumns.For(r, metrics, scope));
            }

            writer.End();
        }));
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

}
