using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;

namespace Alerts.Pull;

/// <summary>How one product fared in a run.</summary>
public enum ProductStatus
{
    /// <summary>New data: indices recomputed and rules evaluated.</summary>
    Fetched,

    /// <summary>The source returned the same data as last time: nothing recomputed.</summary>
    Unchanged,

    /// <summary>Not attempted (out of scope, budget exhausted, circuit open; for a commodity series: a product it sums failed).</summary>
    Skipped,

    /// <summary>The source or the payload failed; nothing was stored for this product.</summary>
    Failed,
}

/// <summary>
/// How one product, or one commodity series (<see cref="Product"/> = <c>rare-earths/metal</c>, <see cref="Commodity"/>
/// set), fared in a run.
/// </summary>
/// <param name="Error">For a failed product: what went wrong (source, product and payload position). For a skipped
/// series: why (e.g. which of the products it sums failed).</param>
/// <param name="Commodity">For a commodity series: the catalog id; null for a product.</param>
/// <param name="Codes">For a commodity series: the pulled products it sums.</param>
/// <param name="Note">For a commodity series that is only partially covered: which catalog codes are not pulled.</param>
/// <param name="CommodityIds">The catalog commodities the product or series covers (<see cref="WithCommodityIds"/>);
/// null where not filled in.</param>
public sealed record ProductOutcome(
    string Source,
    string Product,
    ProductStatus Status,
    int Observations,
    int IndicesWritten,
    string? Vintage,
    string? Error,
    string? Commodity = null,
    IReadOnlyList<string>? Codes = null,
    string? Note = null,
    IReadOnlyList<string>? CommodityIds = null)
{
    /// <summary>
    /// This outcome with <see cref="CommodityIds"/>: a commodity series covers its commodity; a product every
    /// commodity a code of whose stages it equals or refines (lithium-ion cells: lithium and graphite).
    /// </summary>
    public ProductOutcome WithCommodityIds(CommodityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        IReadOnlyList<string> ids = Commodity is { } id ? [id] : [.. catalog.Classify(Product).Select(c => c.Commodity.Id).Distinct(StringComparer.Ordinal)];
        return this with { CommodityIds = ids };
    }
}
