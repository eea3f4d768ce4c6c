using System.Globalization;
using System.Text.Json;
using Alerts.Compute.Engine;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Cli.Commands;

/// <summary>
/// The CRMA-share and supply-risk part of an <c>alerts indices</c> row: on annual import rows the import and
/// consumption proxies with the note saying which is available and why; on annual weight import rows of a product
/// the supply-risk parameters link to a stage, that stage's supply risk with the bottleneck, the indicative flag
/// and the WGI table's provenance. Every other row has these fields null (empty in CSV).
/// </summary>
internal static class SupplyColumns
{
    /// <summary>Field names, appended to the contract fields in JSON and CSV.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "crmaImportShare", "crmaConsumptionShare", "crmaProxy", "crmaNote", "crmaExports", "crmaProduction", "crmaApparentConsumption",
        "supplyRiskMaterial", "supplyRiskStage", "supplyRisk", "supplyRiskBottleneck", "supplyRiskBottleneckValue", "supplyRiskIndicative",
        "supplyRiskDefaults", "supplyRiskOmittedStages", "hhiWgiGlobal", "hhiWgiEu", "importReliance", "eolRir", "substitutionIndex",
        "wgiSource", "wgiVintage", "wgiDimension",
    ];

    /// <summary>What one output row carries.</summary>
    public sealed record RowSupply(CrmaShareRow? Crma, string? CrmaNote, SeriesSupplyRisk? Risk)
    {
        public static RowSupply None { get; } = new(null, null, null);
    }

    public static RowSupply For(WindowedIndices r, SupplyMetrics metrics, PartnerScopeKind scope)
    {
        var row = r.Row;
        if (row.Window != IndexWindow.Annual || row.Flow != TradeFlow.Import)
        {
            return RowSupply.None;
        }

        if (scope != PartnerScopeKind.ThirdCountries)
        {
            return new(null, "no CRMA shares: they are shares of third countries (use --scope third)", null);
        }

        var crma = metrics.CrmaFor(row.Reporter, row.Product, row.Period.Year, row.Basis);
        var risk = row.Basis == Basis.Weight ? metrics.SupplyRiskFor(row.Reporter, row.Product, row.Period.Year) : null;
        return new(crma, crma?.Note, risk);
    }

    /// <summary>Fields before this index are the CRMA group, the rest the supply-risk group (<c>--columns</c>).</summary>
    public const int CrmaFieldCount = 7;

    public static void WriteJson(Utf8JsonWriter w, RowSupply s)
    {
        WriteCrmaJson(w, s);
        WriteRiskJson(w, s);
    }

    public static void WriteCrmaJson(Utf8JsonWriter w, RowSupply s)
    {
        Number(w, "crmaImportShare", s.Crma is { Partners.Count: > 0 } c ? c.TopImportShare : null);
        Number(w, "crmaConsumptionShare", s.Crma?.TopConsumptionShare);
        Text(w, "crmaProxy", s.Crma is null ? null : s.Crma.Available.ToName());
        Text(w, "crmaNote", s.CrmaNote);
        Decimal(w, "crmaExports", s.Crma is { ExportsReported: true } e ? e.Exports : null);
        Decimal(w, "crmaProduction", s.Crma?.Production);
        Decimal(w, "crmaApparentConsumption", s.Crma?.ApparentConsumption);
    }

    public static void WriteRiskJson(Utf8JsonWriter w, RowSupply s)
    {
        var risk = s.Risk;
        Text(w, "supplyRiskMaterial", risk?.Result.Material);
        Text(w, "supplyRiskStage", risk is null ? null : SupplyMetricsCalculator.Name(risk.Stage));
        Number(w, "supplyRisk", risk?.Risk.SupplyRisk);
        Text(w, "supplyRiskBottleneck", risk is null ? null : SupplyMetricsCalculator.Name(risk.Result.Bottleneck));
        Number(w, "supplyRiskBottleneckValue", risk?.Result.SupplyRisk);
        if (risk is null)
        {
            w.WriteNull("supplyRiskIndicative");
            w.WriteNull("supplyRiskDefaults");
            w.WriteNull("supplyRiskOmittedStages");
        }
        else
        {
            w.WriteBoolean("supplyRiskIndicative", risk.Result.IsIndicative);
            Strings(w, "supplyRiskDefaults", Defaults(risk.Result));
            Strings(w, "supplyRiskOmittedStages", risk.Result.OmittedStages);
        }

        Number(w, "hhiWgiGlobal", risk?.Risk.HhiWgiGlobal);
        Number(w, "hhiWgiEu", risk?.Risk.HhiWgiEu);
        Number(w, "importReliance", risk?.Risk.ImportReliance);
        Number(w, "eolRir", risk?.Risk.EolRir);
        Number(w, "substitutionIndex", risk?.Risk.SubstitutionIndex);
        Text(w, "wgiSource", risk?.Result.WgiSource);
        Text(w, "wgiVintage", risk?.Result.WgiVintage);
        Text(w, "wgiDimension", risk?.Result.WgiDimension);
    }

    /// <summary>The CSV cells in <see cref="Fields"/> order; text cells quoted where needed (RFC 4180).</summary>
    public static IEnumerable<string> CsvCells(RowSupply s)
    {
        var risk = s.Risk;
        return
        [
            D(s.Crma is { Partners.Count: > 0 } c ? c.TopImportShare : null), D(s.Crma?.TopConsumptionShare),
            s.Crma is null ? string.Empty : s.Crma.Available.ToName(), Quote(s.CrmaNote),
            M(s.Crma is { ExportsReported: true } e ? e.Exports : null), M(s.Crma?.Production), M(s.Crma?.ApparentConsumption),
            Quote(risk?.Result.Material), risk is null ? string.Empty : SupplyMetricsCalculator.Name(risk.Stage), D(risk?.Risk.SupplyRisk),
            risk is null ? string.Empty : SupplyMetricsCalculator.Name(risk.Result.Bottleneck), D(risk?.Result.SupplyRisk),
            risk is null ? string.Empty : risk.Result.IsIndicative ? "true" : "false",
            Quote(risk is null ? null : string.Join(" | ", Defaults(risk.Result))), Quote(risk is null ? null : string.Join(" | ", risk.Result.OmittedStages)),
            D(risk?.Risk.HhiWgiGlobal), D(risk?.Risk.HhiWgiEu), D(risk?.Risk.ImportReliance), D(risk?.Risk.EolRir), D(risk?.Risk.SubstitutionIndex),
            Quote(risk?.Result.WgiSource), Quote(risk?.Result.WgiVintage), Quote(risk?.Result.WgiDimension),
        ];
    }

    /// <summary>Lines for standard error: supply-risk results no output row carries (not linked to a product of the input) and materials not computed.</summary>
    public static IEnumerable<string> UnattachedNotes(SupplyMetrics metrics, IReadOnlyList<WindowedIndices> rows)
    {
        foreach (var r in metrics.SupplyRisk)
        {
            var carried = rows.Any(row => row.Row.Window == IndexWindow.Annual && row.Row.Flow == TradeFlow.Import && row.Row.Basis == Basis.Weight
                && metrics.SupplyRiskFor(row.Row.Reporter, row.Row.Product, row.Row.Period.Year)?.Result == r);
            if (!carried)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"note: supply risk of {r.Material} {r.Year} ({r.SupplyRisk:0.###}, bottleneck {SupplyMetricsCalculator.Name(r.Bottleneck)}) is on no output row: no stage names a product of the input (see --format table)");
            }
        }

        foreach (var n in metrics.Notes)
        {
            yield return "note: supply risk of " + n;
        }
    }

    // Every stage's defaults, since the indicative flag and the bottleneck are the whole result's.
    private static List<string> Defaults(SupplyRiskResult r) =>
        [.. r.Stages.SelectMany(s => s.Defaults.Select(d => SupplyMetricsCalculator.Name(s.Stage) + ": " + d))];


    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Decimal(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static string D(double? x) => x?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string M(decimal? x) => x?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string? text) =>
        text is null ? string.Empty
        : text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}
