namespace Alerts.Pipeline.Pull;

/// <summary>How one product fared in a run.</summary>
public enum ProductStatus
{
    /// <summary>New data: indices recomputed and rules evaluated.</summary>
    Fetched,

    /// <summary>The source returned the same data as last time: nothing recomputed.</summary>
    Unchanged,

    /// <summary>Not attempted (out of scope, budget exhausted, circuit open).</summary>
    Skipped,

    /// <summary>The source or the payload failed; nothing was stored for this product.</summary>
    Failed,
}

/// <param name="Error">For a failed product: what went wrong (source, product and payload position); for a skipped one, why.</param>
public sealed record ProductOutcome(string Source, string Product, ProductStatus Status, int Observations, int IndicesWritten, string? Vintage, string? Error);
