namespace Alerts.Evaluate.Lifecycle;

/// <summary>What applying an evaluation to an alert did.</summary>
/// <param name="Record">The alert's new state, to store.</param>
/// <param name="Events">Events to publish, in order: at most one state change (firing or resolved) and one
/// revision event per earlier alerted period whose value a new vintage changed. Usually empty.</param>
/// <param name="Changed">False when the stored record would not change (nothing to write).</param>
public sealed record AlertTransition(AlertRecord Record, IReadOnlyList<AlertEvent> Events, bool Changed)
{
    /// <summary>The state-change or revision event when there is exactly one, else the first, or null.</summary>
    public AlertEvent? Event => Events.Count > 0 ? Events[0] : null;
}
