namespace Alerts.Evaluate.Lifecycle;

/// <summary>
/// Persisted state of an alert: <see cref="Inactive"/> until it first breaches. <see cref="Pending"/> and
/// <see cref="Recovering"/> are the waits of a rule's <c>for</c> and <c>keepFiringFor</c>: nothing is sent on entering
/// them (a pending alert has not fired, a recovering one still counts as firing). A series without data shows as
/// <c>noData</c> over whichever of these it is in (<see cref="AlertRecord.NoDataAt"/>).
/// </summary>
public enum AlertStatus
{
    Inactive,
    Firing,
    Resolved,
    Pending,
    Recovering,
}
