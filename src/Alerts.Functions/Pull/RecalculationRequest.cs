namespace Alerts.Functions.Pull;

/// <summary>Body of <c>POST /api/recalculations</c>; every field optional.</summary>
/// <param name="Products">Product codes to recalculate; absent or empty (with no commodities) = everything configured.</param>
/// <param name="Force">Recompute even series whose data did not change (default false: only series whose data changed).</param>
/// <param name="Commodities">Commodity ids (<c>rare-earths</c>: every configured stage) or series (<c>rare-earths/metal</c>)
/// to recalculate; the products they sum are pulled with them.</param>
public sealed record RecalculationRequest(IReadOnlyList<string>? Products = null, bool? Force = null, IReadOnlyList<string>? Commodities = null);
