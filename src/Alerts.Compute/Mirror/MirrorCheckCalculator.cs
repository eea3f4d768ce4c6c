using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.Mirror;

/// <summary>
/// The mirror check: EU-reported imports (Comext, reporter <c>EU27_2020</c>) against partner-reported exports to the EU
/// (Comtrade, reporter = the partner, partner = <c>EU27_2020</c>) per product, partner and year, by weight (values are
/// EUR on one side and USD on the other, and CIF against FOB, so they are not compared). Gaps above
/// <see cref="DefaultThreshold"/> are flagged: the re-export, transit and misreporting cases analysts look into. Pure.
/// </summary>
public static class MirrorCheckCalculator
{
    /// <summary>
    /// A third of the larger side: the larger figure is then more than 1.5 times the smaller. Freight and insurance
    /// do not touch weights, and timing (goods shipped in December, arriving in January) moves a few percent, so a gap
    /// this wide is more than the usual asymmetry of mirror statistics.
    /// </summary>
    public const double DefaultThreshold = 1.0 / 3;

    /// <summary>Gaps where the larger side is under this many kg are not flagged: small flows swing widely by nature.</summary>
    public const decimal DefaultMinimumKg = 1_000m;

    /// <param name="imports">Comext observations (any reporters and flows: EU27_2020 imports are used).</param>
    /// <param name="mirrorExports">Comtrade observations (exports whose partner is EU27_2020 are used).</param>
    public static IReadOnlyList<MirrorGap> Compare(
        IEnumerable<TradeObservation> imports, IEnumerable<TradeObservation> mirrorExports, double threshold = DefaultThreshold, decimal minimumKg = DefaultMinimumKg)
    {
        ArgumentNullException.ThrowIfNull(imports);
        ArgumentNullException.ThrowIfNull(mirrorExports);
        var reported = Sum(imports.Where(o => o.Reporter == PartnerScope.EuReporter && o.Flow == TradeFlow.Import && PartnerScope.IsCountry(o.Partner)
                                              && !PartnerScope.EuMemberStates.Contains(o.Partner)),
            o => o.Partner);
        var mirror = Sum(mirrorExports.Where(o => o.Partner == PartnerScope.EuReporter && o.Flow == TradeFlow.Export), o => o.Reporter);
        return [.. reported.Keys.Union(mirror.Keys)
            .Select(k => Gap(k, reported.GetValueOrDefault(k), mirror.GetValueOrDefault(k), threshold, minimumKg))
            .OrderBy(g => g.Product, StringComparer.Ordinal).ThenBy(g => g.Year).ThenBy(g => g.Partner, StringComparer.Ordinal)];
    }

    private static Dictionary<(string Product, string Partner, int Year), decimal> Sum(IEnumerable<TradeObservation> observations, Func<TradeObservation, string> partner) =>
        observations.Where(o => o.Period.IsAnnual && o.QuantityKg is not null)
            .GroupBy(o => (o.Product, partner(o), o.Period.Year))
            .ToDictionary(g => g.Key, g => g.Sum(o => o.QuantityKg!.Value));

    private static MirrorGap Gap((string Product, string Partner, int Year) key, decimal imports, decimal exports, double threshold, decimal minimumKg)
    {
        var larger = Math.Max(imports, exports);
        var gap = larger == 0 ? 0 : (double)(Math.Abs(imports - exports) / larger);
        // "Above" the threshold: a gap equal to it, up to rounding (a third is not exact in binary), is not flagged.
        return new MirrorGap(key.Product, key.Partner, key.Year, imports, exports, gap, gap > threshold + 1e-12 && larger >= minimumKg);
    }
}
