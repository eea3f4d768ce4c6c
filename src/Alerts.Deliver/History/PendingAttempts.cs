using System.Globalization;

namespace Alerts.Deliver.History;

/// <summary>
/// Reads a notification's history for an attempt recorded as <see cref="DeliveryStatus.Pending"/> whose outcome row
/// never followed: the send may or may not have happened.
/// </summary>
public static class PendingAttempts
{
    /// <summary>The latest attempt number that is pending without an outcome, or null when every attempt was resolved.</summary>
    public static int? Unresolved(IReadOnlyList<DeliveryAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var resolved = attempts.Where(a => a.Outcome != DeliveryStatus.Pending).Select(a => a.Attempt).ToHashSet();
        var open = attempts.Where(a => a.Outcome == DeliveryStatus.Pending && !resolved.Contains(a.Attempt)).Select(a => a.Attempt).ToList();
        return open.Count == 0 ? null : open.Max();
    }

    /// <summary>The detail of a pending row: says when it is a send after an unknown outcome.</summary>
    public static string Detail(int? unresolved) => unresolved is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"sending again: the outcome of attempt {n} is unknown (the worker stopped or storage failed between send and record)")
        : "sending";
}
