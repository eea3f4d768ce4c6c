using Alerts.Evaluate.Lifecycle;

namespace Alerts.Route.Held;

/// <summary>
/// An alert a subscription has not been told about because a silence or one of its mute windows covered it: the
/// latest event held, released (through the notification policy) once nothing mutes it any more.
/// </summary>
/// <param name="FiredWhileHeld">Some held event of this alert was firing: if it has resolved by the release and the
/// subscription was never told it firing, there is nothing to tell (it fired and resolved inside the silence).</param>
/// <param name="HeldSince">When the first of its events was held.</param>
/// <param name="Reason">Why it was first held: <c>silenced</c>, <c>mute-window</c> or <c>held</c> (an earlier event of it is held).</param>
/// <param name="Detail">What held it first (<c>silence sil-1</c>, <c>mute window 22:00-07:00 UTC</c>); null in rows written before it was kept.</param>
public sealed record HeldAlert(string SubscriptionId, AlertEvent Event, bool FiredWhileHeld, DateTimeOffset HeldSince, string Reason, string? Detail = null);
