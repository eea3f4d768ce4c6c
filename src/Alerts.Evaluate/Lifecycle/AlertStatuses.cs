namespace Alerts.Evaluate.Lifecycle;

/// <summary>The names of <see cref="AlertStatus"/> in the <c>alerts</c> table and the API.</summary>
public static class AlertStatuses
{
    /// <summary>Every name the API accepts as <c>state</c>, <c>noData</c> included.</summary>
    public static readonly IReadOnlyList<string> Names = ["inactive", "pending", "firing", "recovering", "resolved", "noData"];

    public static string Name(AlertStatus state) => state switch
    {
        AlertStatus.Firing => "firing",
        AlertStatus.Resolved => "resolved",
        AlertStatus.Pending => "pending",
        AlertStatus.Recovering => "recovering",
        _ => "inactive",
    };

    public static bool TryParse(string? text, out AlertStatus state)
    {
        foreach (var s in Enum.GetValues<AlertStatus>())
        {
            if (string.Equals(Name(s), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = s;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>Firing as far as subscribers know: firing, or recovering (still firing until <c>keepFiringFor</c> has passed).</summary>
    public static bool IsFiring(AlertStatus state) => state is AlertStatus.Firing or AlertStatus.Recovering;
}
