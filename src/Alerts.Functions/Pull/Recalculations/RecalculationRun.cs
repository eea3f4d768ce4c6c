using System.Text.Json;

namespace Alerts.Functions.Pull.Recalculations;

/// <summary>
/// <c>GET /api/recalculations/{id}</c>: one requested recalculation and, once it succeeded, the per-product report
/// (<see cref="RecalculationResult"/>). Products and commodities empty = everything configured.
/// </summary>
public sealed record RecalculationRun(
    string Id,
    RecalculationStatus Status,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> Commodities,
    bool Force,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    JsonElement? Report);
