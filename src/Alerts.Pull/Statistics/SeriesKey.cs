namespace Alerts.Pull.Statistics;

/// <summary>
/// A series of observations whose partner shares are compared: one reporter, product (or commodity) and flow, from one
/// source (<see cref="Source"/>: <c>comext</c> unless said otherwise, so keys written before sources were told apart
/// read as Comext's).
/// </summary>
public readonly record struct SeriesKey(string Reporter, string Product, TradeFlow Flow)
{
    /// <summary>The source of series that name none: Comext, the source every deployment pulled before <c>Pull:Sources</c>.</summary>
    public const string DefaultSource = "comext";

    // Null for the default source, so a key that names comext equals one that names none.
    private readonly string? source;

    /// <summary>The source the series comes from (lower case, as in <c>Pull:Sources</c>): <c>comext</c> or <c>comtrade</c>.</summary>
    public string Source
    {
        get => source ?? DefaultSource;
        init => source = string.IsNullOrEmpty(value) || string.Equals(value, DefaultSource, StringComparison.OrdinalIgnoreCase) ? null : value.ToLowerInvariant();
    }

    /// <summary>True for a series of another source than <see cref="DefaultSource"/>: its keys and fingerprints name the source.</summary>
    public bool HasOtherSource => source is not null;

    /// <summary>The same reporter, product and flow without a source: the key observations group under.</summary>
    public SeriesKey WithoutSource => this with { Source = DefaultSource };

    public override string ToString() => $"{Reporter}/{Product}/{(Flow == TradeFlow.Import ? "import" : "export")}{(source is null ? string.Empty : $" ({source})")}";
}
