using System.Globalization;

namespace Alerts.Pull.Statistics;

/// <summary>
/// When the source last updated the data (JSON-stat <c>updated</c>, SDMX-CSV <c>LAST UPDATE</c>). Comtrade
/// responses carry none, so <see cref="Timestamp"/> may be null; callers then compare
/// <see cref="TradeDataSet.ContentFingerprint"/> instead.
/// </summary>
/// <param name="Text">The stamp as published, or null when the payload has none.</param>
/// <param name="Timestamp">The stamp parsed, or null when absent or unparseable.</param>
public readonly record struct DataVintage(string? Text, DateTimeOffset? Timestamp) : IComparable<DataVintage>
{
    public static DataVintage Unknown => default;

    public bool IsKnown => Timestamp is not null;

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd", "dd/MM/yy", "dd/MM/yyyy", "dd/MM/yy HH:mm:ss", "dd/MM/yyyy HH:mm:ss",
    ];

    /// <summary>Parses the stamp formats Eurostat uses (ISO 8601 with or without a colon in the offset, dd/MM/yy).</summary>
    public static bool TryParse(string? text, out DataVintage vintage)
    {
        vintage = Unknown;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        // "+0200" is what Eurostat writes; DateTimeOffset wants "+02:00".
        if (s.Length > 5 && (s[^5] == '+' || s[^5] == '-') && char.IsDigit(s[^4]) && s.Contains('T', StringComparison.Ordinal))
        {
            s = string.Concat(s.AsSpan(0, s.Length - 2), ":", s.AsSpan(s.Length - 2));
        }

        if (DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var ts))
        {
            vintage = new DataVintage(text.Trim(), ts);
            return true;
        }

        return false;
    }

    /// <summary>The later of two vintages (a known one wins over an unknown one).</summary>
    public static DataVintage Latest(DataVintage a, DataVintage b) => a.CompareTo(b) >= 0 ? a : b;

    public int CompareTo(DataVintage other) => (Timestamp, other.Timestamp) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        var (x, y) => x.Value.CompareTo(y.Value),
    };

    public override string ToString() => Text ?? "unknown";
}
