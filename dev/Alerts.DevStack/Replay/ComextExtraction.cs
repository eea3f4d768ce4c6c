using System.Globalization;

namespace Alerts.DevStack.Replay;

/// <summary>
/// How much a Comext request asks for, read from either API: the statistics API's repeated <c>product</c> and its
/// <c>sinceTimePeriod</c>/<c>untilTimePeriod</c>, or the SDMX key's product segment and <c>startPeriod</c>/<c>endPeriod</c>.
/// Lets the replay server refuse big extractions the way Comext does, so a client's splitting runs for real.
/// </summary>
internal static class ComextExtraction
{
    private const int SdmxProductSegment = 3;

    /// <summary>True when the request names more products, or spans more periods, than allowed.</summary>
    public static bool Exceeds(ReplayRequest request, int maxProducts, int maxPeriods) =>
        Products(request) > maxProducts || Periods(request) > maxPeriods;

    /// <summary>Products asked for; 0 for a request that names none (a wildcard).</summary>
    public static int Products(ReplayRequest request)
    {
        var listed = request.QueryValues("product").Count;
        if (listed > 0 || SdmxKey(request) is not { } key)
        {
            return listed;
        }

        var segments = key.Split('.');
        return segments.Length > SdmxProductSegment && segments[SdmxProductSegment].Length > 0
            ? segments[SdmxProductSegment].Split('+').Length
            : 0;
    }

    /// <summary>Periods from the first to the last requested, both included; 0 when the request has no (readable) range.</summary>
    public static int Periods(ReplayRequest request)
    {
        var from = request.QueryValue("sinceTimePeriod") ?? request.QueryValue("startPeriod");
        var to = request.QueryValue("untilTimePeriod") ?? request.QueryValue("endPeriod");
        return Ordinal(from) is { } first && Ordinal(to) is { } last && last >= first ? last - first + 1 : 0;
    }

    private static string? SdmxKey(ReplayRequest request)
    {
        const string marker = "/sdmx/2.1/data/";
        var at = request.Path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var parts = request.Path[(at + marker.Length)..].Split('/');
        return parts.Length >= 2 ? Uri.UnescapeDataString(parts[1]) : null;
    }

    // Years count as years, months as months: "2024" -> 2024, "2024-03" / "2024M03" -> 2024 * 12 + 2.
    private static int? Ordinal(string? period)
    {
        if (period is null || period.Length < 4 || !int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        if (period.Length == 4)
        {
            return year;
        }

        var month = period[4..].TrimStart('-', 'M');
        return int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? (year * 12) + m - 1 : null;
    }
}
