namespace Alerts.Deliver.Charts;

/// <summary>Which trend a chart draws, each against its benchmark line.</summary>
public enum ChartKind
{
    /// <summary>Top supplier and top three suppliers' shares, against the CRMA's 65%.</summary>
    Share,

    /// <summary>HHI, against 2,500 ("highly concentrated").</summary>
    Hhi,
}

/// <summary>The chart that shows an alert's metric.</summary>
public static class ChartKinds
{
    /// <summary><see cref="ChartKind.Hhi"/> for metrics on the HHI (<c>hhi</c>, <c>hhiChangeFromYearAgo</c>, ...), else <see cref="ChartKind.Share"/>.</summary>
    public static ChartKind ForMetric(string? metric) =>
        metric is not null && metric.StartsWith("hhi", StringComparison.OrdinalIgnoreCase) ? ChartKind.Hhi : ChartKind.Share;

    public static string ToName(this ChartKind kind) => kind == ChartKind.Hhi ? "hhi" : "share";

    public static bool TryParse(string? name, out ChartKind kind)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or "share": kind = ChartKind.Share; return true;
            case "hhi": kind = ChartKind.Hhi; return true;
            default: kind = default; return false;
        }
    }
}
