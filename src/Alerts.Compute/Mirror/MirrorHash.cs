using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Mirror;

/// <summary>
/// A series' content hash with the mirror figures it was checked against: a series whose imports did not change is
/// still recomputed when the partners' exports did. Without mirror figures the hash is the series' own, so a
/// deployment pulling one source keeps its pull states.
/// </summary>
public static class MirrorHash
{
    public static string Combine(string seriesHash, IReadOnlyList<TradeObservation>? mirrorExports)
    {
        ArgumentNullException.ThrowIfNull(seriesHash);
        if (mirrorExports is not { Count: > 0 })
        {
            return seriesHash;
        }

        var text = new StringBuilder(seriesHash).Append("\nmirror");
        foreach (var o in mirrorExports.OrderBy(o => o.Product, StringComparer.Ordinal).ThenBy(o => o.Reporter, StringComparer.Ordinal)
                     .ThenBy(o => o.Partner, StringComparer.Ordinal).ThenBy(o => o.Flow).ThenBy(o => o.Period))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{o.Product}|{o.Reporter}|{o.Partner}|{o.Flow}|{o.Period}|{o.QuantityKg}|{o.Value}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
