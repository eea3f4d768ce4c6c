using Alerts.Compute.Series;

namespace Alerts.Evaluate.Rules;

/// <summary>Rule severities, as carried by an alert event and its <c>severity</c> message property.</summary>
public static class Severities
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> All = [Info, Warning, Critical];

    /// <summary>The canonical (lower-case) name, or null when <paramref name="severity"/> is not one.</summary>
    public static string? Normalize(string? severity) =>
        All.FirstOrDefault(s => string.Equals(s, severity?.Trim(), StringComparison.OrdinalIgnoreCase));
}
