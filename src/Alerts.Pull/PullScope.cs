using Alerts.Pull.Sources;

namespace Alerts.Pull;

/// <summary>
/// What one pull or recalculation covers: product codes and commodity ids (<c>rare-earths</c> or
/// <c>rare-earths/metal</c>); both empty = every configured product and commodity series. A commodity in scope
/// brings the configured products it sums into the run.
/// </summary>
public sealed record PullScope(IReadOnlyList<string> Products, IReadOnlyList<string>? Commodities = null)
{
    public static PullScope All { get; } = new([]);

    /// <summary>The commodity ids or series named; empty when none.</summary>
    public IReadOnlyList<string> CommodityIds => Commodities ?? [];

    public bool IsAll => Products.Count == 0 && CommodityIds.Count == 0;

    public bool Includes(string product) => IsAll || Products.Contains(product, StringComparer.OrdinalIgnoreCase);
}
