using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Run;

/// <summary>Compares the vintage stamps a series was pulled at, as stored in the pull state.</summary>
public static class VintageOrder
{
    /// <summary>
    /// True when both stamps are dated vintages and <paramref name="fetched"/> is strictly older than
    /// <paramref name="processed"/>. Undated ones (Comtrade's <c>content-...</c> fingerprints) cannot be ordered and
    /// never count as older, so such sources behave as before.
    /// </summary>
    public static bool IsOlder(string? fetched, string? processed) =>
        DataVintage.TryParse(fetched, out var f) && DataVintage.TryParse(processed, out var p) && f.CompareTo(p) < 0;
}
