using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// Computes CRMA shares per (reporter, product, year) from partner-scoped observations (third countries
/// only, imports and exports) and an optional production table: apparent consumption = production +
/// extra-EU imports - extra-EU exports. Years come from annual data or the sum of the months present
/// (<see cref="CrmaShareRow.IsComplete"/> false for a partial year). The consumption proxy is left out (and the
/// note says why) when the year is incomplete (production is a whole year's figure) or when the data has no
/// export figures for the year at all: counting missing exports as zero would understate consumption's denominator
/// silently, so an imports-only input gives the import proxy only.
/// </summary>
public static class CrmaShareCalculator
{
    public static IReadOnlyList<CrmaShareRow> Compute(IEnumerable<TradeObservation> observations, ProductionTable? production = null, Basis basis = Basis.Weight)
    {
        ArgumentNullException.ThrowIfNull(observations);
        production ??= ProductionTable.Empty;
        var engine = new IndexEngine(new IndexEngineOptions { Windows = [IndexWindow.Annual], Bases = [basis] });
        engine.Add(observations);
        var rows = engine.Recompute();
        var exports = new Dictionary<(string, string, Period), decimal>();
        foreach (var r in rows)
        {
            if (r.Flow == TradeFlow.Export)
            {
                exports[(r.Reporter, r.Product, r.Period)] = r.Total;
            }
        }

        var result = new List<CrmaShareRow>();
        foreach (var r in rows)
        {
            if (r.Flow != TradeFlow.Import)
            {
                continue;
            }

            var exported = exports.GetValueOrDefault((r.Reporter, r.Product, r.Period));
            decimal? produced = null;
            decimal? consumption = null;
            string note;
            if (basis != Basis.Weight)
            {
                note = "import share only: the consumption proxy needs the weight basis (production is in kg)";
            }
            else if (!production.TryGet(r.Reporter, r.Product, r.Period.Year, out var entry))
            {
                note = "import share only: no production figure for this reporter/product/year";
            }
            else if (!r.IsComplete)
            {
                note = string.Create(CultureInfo.InvariantCulture, $"import share only: the year has {r.MonthsCovered} of 12 months and production is a whole year's figure");
            }
            else if (!exports.ContainsKey((r.Reporter, r.Product, r.Period)))
            {
                note = "import share only: the data has no export figures for this year (apparent consumption needs exports)";
            }
            else
            {
                produced = entry.QuantityKg;
                consumption = entry.QuantityKg + r.Total - exported;
                note = consumption > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"import and consumption shares (production {entry.QuantityKg} kg{(entry.Source is null ? string.Empty : " from " + entry.Source)})")
                    : "import share only: apparent consumption (production + imports - exports) is not positive";
            }

            var useConsumption = consumption > 0;
            var shares = engine.Shares(r.Series, basis, IndexWindow.Annual, r.Period);
            var partners = new List<CrmaPartnerShare>(shares.Count);
            foreach (var s in shares)
            {
                partners.Add(new CrmaPartnerShare(s.Partner, s.Amount, s.Share, useConsumption ? (double)(s.Amount / consumption!.Value) : null));
            }

            result.Add(new CrmaShareRow(
                r.Reporter,
                r.Product,
                r.Period.Year,
                basis,
                r.Total,
                exported,
                produced,
                consumption,
                useConsumption ? CrmaProxy.ImportAndConsumptionShare : CrmaProxy.ImportShareOnly,
                note,
                r.IsComplete,
                partners) { ExportsReported = exports.ContainsKey((r.Reporter, r.Product, r.Period)) });
        }

        return result;
    }
}
