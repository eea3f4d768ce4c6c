namespace Alerts.Evaluate.Lifecycle;

/// <summary>State of an alert as carried by an alert event.</summary>
public enum AlertState
{
    Firing,
    Resolved,
}
