namespace Alerts.Pull.Statistics.SdmxCsv;

/// <summary>The header check of a Comext SDMX-CSV file, shared by <see cref="SdmxCsvReader"/> and the engine's loader.</summary>
public static class SdmxCsvHeader
{
    /// <summary>
    /// Maps the header to column positions (<see cref="SdmxCsvColumns.Required"/> in order, then OBS_FLAG or -1);
    /// missing, unexpected and repeated columns are an error naming them.
    /// </summary>
    public static int[] Check(IReadOnlyList<string> names, string origin)
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

            throw new TradeDataFormatException(SdmxCsvReader.SourceName, origin, "line 1 (header)", $"{string.Join("; ", parts)} (expected {string.Join(",", SdmxCsvColumns.Required)}[,{SdmxCsvColumns.ObsFlag}])");
        }

        var positions = SdmxCsvColumns.Required.Select(r => IndexOf(names, r)).ToList();
        positions.Add(IndexOf(names, SdmxCsvColumns.ObsFlag));
        return [.. positions];
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
