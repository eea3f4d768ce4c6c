namespace Alerts.Functions.Pull;

/// <summary>Body of <c>POST /api/recalculations</c>; every field optional.</summary>
/// <param name="Products">Product codes to recalculate; absent or empty = every configured product.</param>
/// <param name="Force">Recompute even series whose data did not change (default true: the caller asked).</param>
public sealed record RecalculationRequest(IReadOnlyList<string>? Products = null, bool? Force = null);
