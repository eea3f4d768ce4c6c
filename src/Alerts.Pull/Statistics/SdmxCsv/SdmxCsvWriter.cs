using System.Globalization;

namespace Alerts.Pull.Statistics.SdmxCsv;

/// <summary>Writes observations as Comext SDMX-CSV (one row per indicator), readable by <see cref="SdmxCsvReader"/>.</summary>
public static class SdmxCsvWriter
{
    public static void Write(TextWriter writer, IEnumerable<TradeObservation> observations, DataVintage vintage)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(observations);
        var lastUpdate = (vintage.Timestamp ?? DateTimeOffset.UnixEpoch).ToString("dd/MM/yy", CultureInfo.InvariantCulture);
        writer.Write(string.Join(",", SdmxCsvColumns.Required));
        writer.Write('\n');
        var ordered = observations
            .OrderBy(o => o.Reporter, StringComparer.Ordinal).ThenBy(o => o.Partner, StringComparer.Ordinal)
            .ThenBy(o => o.Product, StringComparer.Ordinal).ThenBy(o => o.Flow).ThenBy(o => o.Period)
            .GroupBy(o => (o.Reporter, o.Partner, o.Product, o.Flow, o.Period.IsAnnual));
        foreach (var series in ordered)
        {
            var list = series.ToList();
            foreach (var (indicator, select) in new (string, Func<TradeObservation, decimal?>)[]
            {
                (ComextIndicators.QuantityIn100Kg, o => o.QuantityKg / 100m),
                (ComextIndicators.ValueInEuros, o => o.Value),
            })
            {
                foreach (var o in list)
                {
                    var value = select(o);
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"ESTAT:DS-045409(1.0),{lastUpdate},{(o.Period.IsAnnual ? "A" : "M")},{o.Reporter},{o.Partner},{o.Product},{ComextIndicators.FlowCode(o.Flow)},{indicator},{o.Period},{value?.ToString(CultureInfo.InvariantCulture)}\n"));
                }
            }
        }
    }
}
