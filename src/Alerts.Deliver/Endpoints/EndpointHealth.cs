using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Teams;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Endpoints;

/// <summary>
/// How one subscription's target has been answering: consecutive permanent failures and, once there were
/// enough of them, the pause that stops further sends until the owner resumes it. Transient failures neither
/// count nor reset, because a throttled or briefly failing endpoint still exists; a success resets the count.
/// </summary>
/// <param name="ConsecutivePermanentFailures">Permanent failures since the last success (or resume).</param>
/// <param name="PausedAt">When the subscription was paused; null while it is active.</param>
/// <param name="PauseReason">Why it was paused, with the last failure's (redacted) status; never the target.</param>
public sealed partial record EndpointHealth(int ConsecutivePermanentFailures, DateTimeOffset? PausedAt = null, string? PauseReason = null)
{
    /// <summary>Longest pause reason kept, so a verbose error body cannot bloat the row or the API answer.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>No failures, not paused: the state of a subscription that has no stored row.</summary>
    public static EndpointHealth Healthy { get; } = new(0);

    public bool IsPaused => PausedAt is not null;

    /// <summary>
    /// The state after one delivery attempt ended with <paramref name="outcome"/>. A paused state stays as it is
    /// (only a resume lifts it, so an answer that raced the pause does not undo it silently).
    /// </summary>
    /// <param name="pauseAfter">Consecutive permanent failures that pause the subscription (at least 1).</param>
    /// <param name="at">Time of the attempt: the pause time when this attempt pauses it.</param>
    public EndpointHealth After(DeliveryOutcome outcome, int pauseAfter, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(pauseAfter, 1);
        if (IsPaused)
        {
            return this;
        }

        switch (outcome.Status)
        {
            case DeliveryStatus.Delivered:
                return ConsecutivePermanentFailures == 0 ? this : Healthy;
            case DeliveryStatus.Retry:
                return this;
            default:
                var failures = ConsecutivePermanentFailures + 1;
                if (failures < pauseAfter)
                {
                    return new EndpointHealth(failures);
                }

                // The detail is redacted by the notifier already; the reason is shown to the owner and kept, so it
                // is redacted again and loses even the host of any link, whatever a notifier returns.
                var detail = UrlInText().Replace(SecretRedactor.Redact(outcome.Detail), "[link]");
                var reason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"paused after {failures} consecutive permanent delivery failures; last: {detail}");
                return new EndpointHealth(failures, at, reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength]);
        }
    }

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://[^\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlInText();
}
