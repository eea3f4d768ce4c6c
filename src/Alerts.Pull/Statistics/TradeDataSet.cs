using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alerts.Pull.Statistics;

/// <summary>
/// Observations read from one payload, with the source and the data vintage. Observations are sorted by
/// reporter, product, flow, partner and period (ordinal), so two data sets with the same content compare equal
/// whatever the order of the payload.
/// </summary>
public sealed class TradeDataSet
{
    private string? _fingerprint;

    public TradeDataSet(TradeDataSource source, TradeDataFormat format, string origin, DataVintage vintage, IEnumerable<TradeObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        Source = source;
        Format = format;
        Origin = origin;
        Vintage = vintage;
        Observations = observations.OrderBy(o => o, ObservationOrder.Instance).ToList();
    }

    public TradeDataSource Source { get; }

    public TradeDataFormat Format { get; }

    /// <summary>File name or request the data came from.</summary>
    public string Origin { get; }

    public DataVintage Vintage { get; }

    public IReadOnlyList<TradeObservation> Observations { get; }

    /// <summary>The payloads the observations were read from, when the reader's caller kept them (source clients do).</summary>
    public IReadOnlyList<RawPayload> Payloads { get; private set; } = [];

    /// <summary>Keeps the payload this data set was read from.</summary>
    public TradeDataSet WithPayload(RawPayload payload)
    {
        Payloads = [.. Payloads, payload];
        return this;
    }

    /// <summary>
    /// SHA-256 over the sorted observations (hex). Equal fingerprints mean equal content, so a caller can tell
    /// whether a newer vintage changed anything even when the source publishes no vintage stamp (Comtrade).
    /// </summary>
    public string ContentFingerprint => _fingerprint ??= ComputeFingerprint(Observations);

    /// <summary>The observations grouped into series (reporter, product, flow).</summary>
    public ILookup<SeriesKey, TradeObservation> BySeries() =>
        Observations.ToLookup(o => new SeriesKey(o.Reporter, o.Product, o.Flow));

    /// <summary>Concatenates data sets of one source (e.g. the parts of a split request); the vintage is the latest.</summary>
    public static TradeDataSet Combine(TradeDataSource source, TradeDataFormat format, string origin, IReadOnlyCollection<TradeDataSet> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var vintage = parts.Aggregate(DataVintage.Unknown, (v, p) => DataVintage.Latest(v, p.Vintage));
        return new TradeDataSet(source, format, origin, vintage, parts.SelectMany(p => p.Observations))
        {
            Payloads = [.. parts.SelectMany(p => p.Payloads)],
        };
    }

    private static string ComputeFingerprint(IReadOnlyList<TradeObservation> observations)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sb = new StringBuilder(128);
        foreach (var o in observations)
        {
            sb.Clear();
            sb.Append(o.Reporter).Append('|').Append(o.Partner).Append('|').Append(o.Product).Append('|')
              .Append((int)o.Flow).Append('|').Append(o.Period.ToString()).Append('|')
              .Append(o.QuantityKg?.ToString(CultureInfo.InvariantCulture)).Append('|')
              .Append(o.Value?.ToString(CultureInfo.InvariantCulture)).Append('|').Append(o.Currency).Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(sb.ToString()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
