using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// Computes, from trade observations (imports and, for apparent consumption, exports; all partners, scoped here to
/// third countries) and the operator's <see cref="SupplyRiskInputs"/>: the CRMA shares of every reporter, product
/// and year on both bases, and the supply risk of every material of the parameters. A stage linked to a product
/// takes its EU sourcing (imports by partner, weight) and, unless given, its import-reliance figures from that
/// product's annual row; a linked stage whose product and year are not in the data is left out and named in
/// <see cref="SupplyRiskResult.OmittedStages"/> (the bottleneck is then over the stages computed). Domestic
/// production is not added to EU sourcing as a supplier: give <c>euSourcing</c> explicitly for that.
/// </summary>
public static class SupplyMetricsCalculator
{
    public static SupplyMetrics Compute(IEnumerable<TradeObservation> observations, SupplyRiskInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(inputs);
        var scoped = PartnerScope.Filter(observations, PartnerScopeKind.ThirdCountries).ToList();
        var crma = new List<CrmaShareRow>(CrmaShareCalculator.Compute(scoped, inputs.Production, Basis.Weight));

        // Values in different currencies cannot be summed into one share; weights can.
        if (scoped.Select(o => o.Currency).Distinct(StringComparer.Ordinal).Count() <= 1)
        {
            crma.AddRange(CrmaShareCalculator.Compute(scoped, inputs.Production, Basis.Value));
        }

        var weight = crma.Where(r => r.Basis == Basis.Weight).ToDictionary(r => (r.Reporter, r.Product, r.Year));
        var results = new List<SupplyRiskResult>();
        var links = new Dictionary<(string, string, int), SeriesSupplyRisk>();
        var notes = new List<string>();
        var calculator = new SupplyRiskCalculator(inputs.Wgi);
        foreach (var p in inputs.Parameters)
        {
            var stages = new List<StageInputs>();
            var omitted = new List<string>();
            foreach (var s in p.Stages)
            {
                if (s.Product is null)
                {
                    stages.Add(s);
                }
                else if (weight.TryGetValue((p.Reporter, s.Product, p.Year), out var row))
                {
                    stages.Add(FromTrade(s, row, inputs.Production));
                }
                else if (s.EuSourcing.Count > 0)
                {
                    stages.Add(s);
                }
                else
                {
                    omitted.Add(string.Create(CultureInfo.InvariantCulture, $"{Name(s.Stage)}: no {p.Year} imports of {p.Reporter}/{s.Product} in the data"));
                }
            }

            if (stages.Count == 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Material} {p.Year}: not computed ({string.Join("; ", omitted)})"));
                continue;
            }

            var result = calculator.Compute(p.Material, p.Year, stages) with { OmittedStages = omitted };
            results.Add(result);
            foreach (var s in stages.Where(s => s.Product is not null))
            {
                links.TryAdd((p.Reporter, s.Product!, p.Year), new SeriesSupplyRisk(result, s.Stage));
            }
        }

        return new SupplyMetrics(crma, results, links, notes);
    }

    /// <summary>"extraction" / "processing", as in the parameters file.</summary>
    public static string Name(SupplyStage stage) => stage == SupplyStage.Extraction ? "extraction" : "processing";

    private static StageInputs FromTrade(StageInputs s, CrmaShareRow row, ProductionTable production)
    {
        var filled = s;
        if (s.EuSourcing.Count == 0)
        {
            filled = filled with { EuSourcing = [.. row.Partners.Select(x => new SupplierAmount(x.Partner, x.Imports))] };
        }

        // Import reliance from the same year's trade (and production if the table has it) unless the operator gave it.
        if (s.ImportReliance is null && s.Imports is null)
        {
            filled = filled with { Imports = row.Imports, Exports = row.ExportsReported ? row.Exports : null, Production = s.Production ?? (production.TryGet(row.Reporter, row.Product, row.Year, out var e) ? e.QuantityKg : null) };
        }

        return filled;
    }
}
