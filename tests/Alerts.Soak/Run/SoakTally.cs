using Alerts.Deliver;
using Alerts.Deliver.History;
using Alerts.Platform.Bus;
using Alerts.Route.Notifications;
using Alerts.Soak.Seeding;
using Alerts.Soak.Sinks;

namespace Alerts.Soak.Run;

/// <summary>
/// What one channel's sink received against what was queued. A duplicate is explained when the notification's history
/// holds at least as many attempts recorded <c>Pending</c> without an outcome (a lost outcome: the worker was killed or
/// storage failed between the send and the record) as it has extra arrivals: the README's delivery guarantee allows
/// one repeat per lost outcome. Anything else is unexplained.
/// </summary>
public sealed record ChannelTally(
    string Channel,
    int Queued,
    int ExpectedPermanent,
    int Delivered,
    int Lost,
    int Duplicated,
    int ExplainedDuplicates,
    int DeadLettered,
    long SinkFaults,
    long Refused,
    long Unrecognised,
    IReadOnlyList<string> LostIds,
    IReadOnlyList<string> UnexplainedIds)
{
    public int UnexplainedDuplicates => Duplicated - ExplainedDuplicates;
}

public static class SoakTally
{
    public static async Task<IReadOnlyList<ChannelTally>> CountAsync(SoakPlan plan, SoakStack stack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(stack);
        var history = new DeliveryHistoryStore(stack.Storage);
        var tallies = new List<ChannelTally>();
        foreach (var (channel, receipts) in new[] { (Channels.Email, stack.Smtp.Receipts), (Channels.Teams, stack.Webhooks.Receipts) })
        {
            var queued = plan.Notifications.Where(n => n.Channel == channel).ToList();
            var arrivals = receipts.Snapshot();
            var deliverable = queued.Where(n => !plan.ExpectedPermanent(n)).Select(n => n.NotificationId).ToList();
            var lost = deliverable.Where(id => !arrivals.ContainsKey(id)).ToList();
            var explained = 0;
            var unexplained = new List<string>();
            foreach (var (id, count) in arrivals.Where(a => a.Value > 1))
            {
                var lostOutcomes = await LostOutcomesAsync(history, id, cancellationToken);
                explained += Math.Min(count - 1, lostOutcomes);
                if (count - 1 > lostOutcomes)
                {
                    unexplained.Add(id);
                }
            }

            tallies.Add(new ChannelTally(
                channel,
                queued.Count,
                queued.Count - deliverable.Count,
                deliverable.Count(arrivals.ContainsKey),
                lost.Count,
                arrivals.Values.Sum(n => n - 1),
                explained,
                stack.Bus.GetCounts(ServiceBusNames.NotificationsTopic, channel).DeadLetter,
                receipts.Faults,
                receipts.RefusedPermanently,
                receipts.Unrecognised + arrivals.Keys.Count(id => !deliverable.Contains(id)),
                lost,
                unexplained));
        }

        return tallies;
    }

    // Attempts written as Pending before a send whose outcome row never followed.
    private static async Task<int> LostOutcomesAsync(DeliveryHistoryStore history, string notificationId, CancellationToken cancellationToken)
    {
        var attempts = new List<DeliveryAttempt>();
        await foreach (var a in history.ListAsync(notificationId, cancellationToken))
        {
            attempts.Add(a);
        }

        var resolved = attempts.Where(a => a.Outcome != DeliveryStatus.Pending).Select(a => a.Attempt).ToHashSet();
        return attempts.Where(a => a.Outcome == DeliveryStatus.Pending && !resolved.Contains(a.Attempt)).Select(a => a.Attempt).Distinct().Count();
    }
}
