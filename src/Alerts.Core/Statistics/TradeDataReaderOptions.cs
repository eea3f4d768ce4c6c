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
    /// Largest number of cells kept from one payload. JSON-stat cells are buffered until the dimensions are
    /// known (about 160 bytes per cell end to end, measured by the parsing benchmark), so this bounds a read at
    /// roughly 160 MB; a one-product response has a few thousand cells.
    /// </summary>
    public int MaxObservations { get; init; } = 1_000_000;
}
