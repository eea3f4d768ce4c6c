namespace Alerts.Evaluate.Lifecycle;

/// <summary>Persisted state of an alert: <see cref="Inactive"/> until it first fires.</summary>
public enum AlertStatus
{
    Inactive,
    Firing,
    Resolved,
}
