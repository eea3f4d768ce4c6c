using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Route.Grouping;
using Alerts.Route.Held;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Route.Digests;

/// <summary>
/// The digest timer's work: for each active subscription with a daily or weekly delivery whose scheduled time has
/// passed since its last digest, one notification (<see cref="DigestBuilder"/>) from the events the router held for it
/// and the alerts still firing; then its held events are cleared and the time recorded. Published first, recorded after:
/// a crash in between re-sends under the same id, which the bus drops. Silences and mute windows: an alert a silence or
/// mute window holds for the subscription (it fired while muted) is not named as still firing (it is told once released,
/// in the next digest); a digest whose time falls inside a mute window of the subscription is held until the window
/// ends, then sent saying so.
/// </summary>
public sealed partial class DigestService(
    SubscriptionStore<Subscription> subscriptions,
    HeldGroupStore held,
    HeldNotificationStore muted,
    AlertStore alerts,
    NotificationPublisher publisher,
    TimeProvider time,
    ILogger<DigestService> logger)
{
    /// <returns>How many digests were sent.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<AlertRecord>? firing = null;
        var sent = 0;
        await foreach (var s in subscriptions.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (s.Status != SubscriptionStatus.Active || s.Timing?.Delivery is not { } delivery)
            {
                continue;
            }

            var due = DigestSchedule.LastDue(delivery, now);
            var row = await held.GetAsync(s.Id, HeldGroup.DigestKey, cancellationToken).ConfigureAwait(false);
            var from = row?.Value.LastSentAt ?? s.CreatedAt;
            if (due <= from)
            {
                continue;
            }

            if (MuteWindow.Covering(s.MuteWindows, now) is { } window)
            {
                LogHeldByWindow(s.Id, window.Describe());
                continue; // the first run after the window sends it
            }

            firing ??= await ListFiringAsync(cancellationToken).ConfigureAwait(false);
            var mutedNow = await muted.FingerprintsAsync(s.Id, cancellationToken).ConfigureAwait(false);
            var note = HeldNote.Earlier(
                row?.Value.Held,
                MuteWindow.Covering(s.MuteWindows, due) is { } late ? new HeldNote(Routing.NotificationReasons.MuteWindow, due, late.Describe()) : null);
            if (DigestBuilder.Build(s, row?.Value.Events ?? [], firing, from, due, mutedNow, note) is { } digest)
            {
                await publisher.PublishAsync([digest], cancellationToken).ConfigureAwait(false);
                LogSent(s.Id, digest.Digest!.Fired.Count, digest.Digest.Resolved.Count, digest.Digest.StillFiring.Count);
                sent++;
            }

            // Held events the digest named are cleared; any the router added meanwhile wait for the next digest.
            var named = row?.Value.Events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal) ?? [];
            await OptimisticUpdate.RunAsync<HeldGroup, bool>(
                c => held.GetAsync(s.Id, HeldGroup.DigestKey, c),
                current => new((current ?? new HeldGroup(s.Id, HeldGroup.DigestKey, [], null, null, null)) with
                {
                    Events = [.. (current?.Events ?? []).Where(e => !named.Contains(e.EventId))],
                    Held = null,
                    LastSentAt = due,
                }, true),
                (next, etag, c) => held.SaveAsync(next, etag, c),
                cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<List<AlertRecord>> ListFiringAsync(CancellationToken cancellationToken)
    {
        var result = new List<AlertRecord>();
        foreach (var state in new[] { AlertStatus.Firing, AlertStatus.Recovering })
        {
            await foreach (var a in alerts.ListAsync(state, cancellationToken).ConfigureAwait(false))
            {
                result.Add(a);
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for subscription {SubscriptionId} held: its {Window} covers the time")]
    private partial void LogHeldByWindow(string subscriptionId, string window);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for subscription {SubscriptionId}: {Fired} fired, {Resolved} resolved, {StillFiring} still firing")]
    private partial void LogSent(string subscriptionId, int fired, int resolved, int stillFiring);
}
