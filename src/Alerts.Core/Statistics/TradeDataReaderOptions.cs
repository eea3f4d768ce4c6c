namespace Alerts.Core.Statistics;

/// <summary>Limits that protect the readers from hostile or runaway payloads.</summary>
public sealed record TradeDataReaderOptions
{
    /// <summary>32 MiB: a Comext or Comtrade response for one product is a few hundred KB; larger means a bad query or a hostile peer.</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    public static TradeDataReaderOptions Default { get; } = new();

    /// <summary>Largest payload read, in bytes; more is an error rather than memory growth.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// Largest amount (kg or currency units) accepted for one observation. 10^15 is about 400 times the EU's
    /// yearly extra-EU imports in EUR, so anything above is a corrupt figure, not trade.
    /// </summary>
    public decimal MaxAmount { get; init; } = 1_000_000_000_000_000m;

    /// <summary>
    /// Largest number of cells kept from one payload. JSON-stat cells are buffered (24 bytes each) until the
    /// dimensions are known, so this bounds memory at about 100 MB; a one-product response has thousands.
    /// </summary>
    public int MaxObservations { get; init; } = 4_000_000;
}
