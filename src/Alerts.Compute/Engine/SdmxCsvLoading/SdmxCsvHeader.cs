using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.SdmxCsv;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>Column positions from the header: <see cref="SdmxCsvColumns.Required"/> in order, then OBS_FLAG (-1 when absent).</summary>
internal static class SdmxCsvHeader
{
    /// <summary>The same header check as <see cref="SdmxCsvReader"/>.</summary>
    public static int[] Check(List<string> names, string origin)
    {
        var missing = SdmxCsvColumns.Required.Where(r => !names.Contains(r, StringComparer.Ordinal)).ToList();
        var extra = names.Where(n => n != SdmxCsvColumns.ObsFlag && !SdmxCsvColumns.Required.Contains(n, StringComparer.Ordinal)).ToList();
        var duplicated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0 || extra.Count > 0 || duplicated.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"missing column(s) {string.Join(", ", missing)}");
            }

            if (extra.Count > 0)
            {
                parts.Add($"unexpected column(s) {string.Join(", ", extra)}");
            }

            if (duplicated.Count > 0)
            {
                parts.Add($"repeated column(s) {string.Join(", ", duplicated)}");
            }

            throw new TradeDataFormatException(SdmxCsvEngineLoader.SourceName, origin, "line 1 (header)", $"{string.Join("; ", parts)} (expected {string.Join(",", SdmxCsvColumns.Required)}[,{SdmxCsvColumns.ObsFlag}])");
        }

        var positions = SdmxCsvColumns.Required.Select(r => names.IndexOf(r)).ToList();
        positions.Add(names.IndexOf(SdmxCsvColumns.ObsFlag));
        return [.. positions];
    }
}
