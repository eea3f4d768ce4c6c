namespace Alerts.Pull.Statistics;

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
    /// Largest number of observations a reader materialises into one <see cref="TradeDataSet"/> (Comtrade
    /// records, JSON-stat observations returned by <c>Read</c>). The streaming JSON-stat and SDMX-CSV APIs
    /// hold no observations and ignore it; a one-product response has a few thousand.
    /// </summary>
    public int MaxObservations { get; init; } = 1_000_000;

    /// <summary>
    /// Slots (about 40 bytes each) the JSON-stat reader buffers to merge the indicators of a cell (quantity and
    /// value), which lie as many cells apart as the dimensions after <c>indicators</c> in <c>$.id</c> multiply to
    /// (Eurostat lists only <c>time</c> there: a few hundred). Wider cubes are merged this many positions at a time,
    /// one pass over <c>value</c> each, so memory stays bounded by the slots whatever the payload's size. 65 536 = 2.5 MB.
    /// </summary>
    public int MergeSlots { get; init; } = 65_536;

    /// <summary>
    /// Most passes over <c>value</c> one read makes (see <see cref="MergeSlots"/>); a cube that needs more is refused,
    /// naming the dimension order, since each pass re-reads the payload (time, not memory, is what this bounds).
    /// </summary>
    public int MaxMergePasses { get; init; } = 64;

    /// <summary>
    /// Bytes of a non-seekable JSON-stat payload (an HTTP body) kept in memory for the reader's second pass;
    /// beyond this the copy moves to a temporary file that is deleted when the read ends.
    /// </summary>
    public int SpoolMemoryBytes { get; init; } = 1024 * 1024;

    /// <summary>Folder for the temporary spool file; null means <see cref="Path.GetTempPath"/>.</summary>
    public string? SpoolDirectory { get; init; }
}
