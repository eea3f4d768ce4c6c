namespace Alerts.Evaluate.Lifecycle;

/// <summary>State of an alert as carried by an alert event.</summary>
public enum AlertState
{
    Firing,
    Resolved,

    /// <summary>The series has had no data for the rule's <c>noDataAfter</c> periods or failed runs (the no-data alert,
    /// <see cref="AlertEvent.NoData"/>); its resolve, when data is back, is a <see cref="Resolved"/> event with <c>NoData</c>.</summary>
    NoData,
}
