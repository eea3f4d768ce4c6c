using System.Text.Json;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Route;

/// <summary>
/// Only operators hear about missing data: a subscription asking for state <c>noData</c> needs the admin role, so a
/// series whose data stopped reaches the people who can fix the source, not every subscriber.
/// </summary>
public static class NoDataSubscribers
{
    /// <summary>Null when <paramref name="states"/> does not ask for noData or the caller is an admin; else the problem to return.</summary>
    public static IActionResult? Check(HttpRequest request, IEnumerable<string?>? states) =>
        states is not null && states.Any(s => string.Equals(s?.Trim(), "noData", StringComparison.OrdinalIgnoreCase))
            ? CallerIdentity.RequireAdmin(request)
            : null;

    /// <summary>As above for a merge patch: its <c>states</c> member, when it is an array.</summary>
    public static IActionResult? Check(HttpRequest request, JsonElement patch) =>
        patch.ValueKind == JsonValueKind.Object && patch.TryGetProperty("states", out var states) && states.ValueKind == JsonValueKind.Array
            ? Check(request, states.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString() : null))
            : null;
}
