using System.ComponentModel;
using System.Runtime;
using Alerts.Cli.Commands;
using Spectre.Console.Cli;

namespace Alerts.Cli.Verbs;

internal sealed class IndicesVerb : AsyncCommand<IndicesVerb.Settings>
{
    public const string Description =
        "Compute concentration indices (HHI, CR1, CR3, entropy, ...) offline from a Comext SDMX-CSV, Comext JSON-stat or "
        + "Comtrade JSON file (detected from content).";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("-i|--input <FILE>")]
        [Description("The trade data file. Required.")]
        public string? Input { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table (fits 80 columns: reporter, product, flow, period, total, suppliers, HHI, CR1, CR3, top supplier), "
            + "json or csv (every field: also normalized HHI, equivalent suppliers, entropy, changes, coverage, CRMA and supply risk).")]
        [DefaultValue("table")]
        public string? Format { get; init; }

        [CommandOption("--basis <BASIS>")]
        [Description("weight (kg) or value (EUR/USD).")]
        [DefaultValue("weight")]
        public string? Basis { get; init; }

        [CommandOption("--scope <SCOPE>")]
        [Description("Partners: third (third countries), intra (EU member states) or all.")]
        [DefaultValue("third")]
        public string? Scope { get; init; }

        [CommandOption("--window <WINDOW>")]
        [Description("published (periods as the file has them), annual, rolling12 or monthly.")]
        [DefaultValue("published")]
        public string? Window { get; init; }

        [CommandOption("--commodity <ID[/STAGE]>")]
        [Description("Sum the file's codes of a catalog commodity per stage first (rare-earths, graphite/ore).")]
        public string? Commodity { get; init; }

        [CommandOption("--catalog <FILE>")]
        [Description("Commodities added to or replacing the shipped catalog's.")]
        public string? Catalog { get; init; }

        [CommandOption("--production <FILE>")]
        [Description("Production table (CSV or JSON) for the CRMA consumption proxy.")]
        public string? Production { get; init; }

        [CommandOption("--wgi <FILE>")]
        [Description("World Governance Indicators file. Default: the shipped political-stability table.")]
        public string? Wgi { get; init; }

        [CommandOption("--supply-risk <FILE>")]
        [Description("Supply-risk parameters linking stages to products.")]
        public string? SupplyRisk { get; init; }

        [CommandOption("--columns <GROUPS>")]
        [Description("Extra column groups for json/csv, comma-separated: changes, crma, supply-risk or all. Default: the contract "
            + "and window fields only (--production, --wgi and --supply-risk add the groups they feed).")]
        public string? Columns { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Write to FILE (atomically: a temporary file renamed once complete; bad input leaves no file). Default: standard output.")]
        public string? Output { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // A batch run: no background collections while the file is read (the heap is the engine's sums, all alive
        // until written), which keeps peak memory and CPU lower. Only this command: serve keeps the concurrent GC.
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        // The defaults shown in help are the command's own, so forwarding them changes nothing.
        return IndicesCommand.RunAsync(
            new ForwardedArguments()
                .Add("input", settings.Input)
                .Add("format", settings.Format)
                .Add("basis", settings.Basis)
                .Add("scope", settings.Scope)
                .Add("window", settings.Window)
                .Add("commodity", settings.Commodity)
                .Add("catalog", settings.Catalog)
                .Add("production", settings.Production)
                .Add("wgi", settings.Wgi)
                .Add("supply-risk", settings.SupplyRisk)
                .Add("columns", settings.Columns)
                .Add("output", settings.Output)
                .ToArray(),
            Console.Out,
            Console.Error,
            cancellationToken);
    }
}
