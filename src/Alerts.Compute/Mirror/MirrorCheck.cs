namespace Alerts.Compute.Mirror;

/// <summary>
/// The mirror check of one product and year on the EU's annual weight import row: every partner's gap
/// (<see cref="MirrorGap"/>), the largest first, and the largest gap among partners whose larger side is at least
/// <see cref="MirrorCheckCalculator.DefaultMinimumKg"/> (rule metric <c>mirrorGap</c>).
/// </summary>
/// <param name="LargestGap">The largest relative gap of a partner whose larger side reaches the minimum, 0..1; 0 when none does.</param>
/// <param name="LargestGapPartner">That partner; null when none reaches the minimum.</param>
/// <param name="Gaps">Every partner of the year, flagged first, then by relative gap (largest first).</param>
public sealed record MirrorCheck(int Year, double LargestGap, string? LargestGapPartner, IReadOnlyList<MirrorGap> Gaps)
{
    /// <summary>The partners flagged (gap above <see cref="MirrorCheckCalculator.DefaultThreshold"/>, larger side at least the minimum).</summary>
    public IEnumerable<MirrorGap> Flagged => Gaps.Where(g => g.Flagged);

    /// <summary>The check of one year from that year's gaps (of one product).</summary>
    public static MirrorCheck Of(int year, IEnumerable<MirrorGap> gaps, decimal minimumKg = MirrorCheckCalculator.DefaultMinimumKg)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var ordered = gaps.Where(g => g.Year == year)
            .OrderByDescending(g => g.Flagged).ThenByDescending(g => g.RelativeGap).ThenBy(g => g.Partner, StringComparer.Ordinal)
            .ToList();
        var largest = ordered.Where(g => Math.Max(g.ReportedImportsKg, g.MirrorExportsKg) >= minimumKg)
            .OrderByDescending(g => g.RelativeGap).ThenBy(g => g.Partner, StringComparer.Ordinal)
            .FirstOrDefault();
        return new MirrorCheck(year, largest?.RelativeGap ?? 0, largest?.Partner, ordered);
    }
}
