using System.Diagnostics;
using Alerts.Platform.Bus;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;
using Alerts.Soak.Faults;
using Alerts.Soak.Seeding;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Soak.Run;

/// <summary>
/// One soak: starts the stack, seeds the subscriptions, queues the notifications on the <c>notifications</c> topic (as
/// routing would), runs the delivery worker as a child process, kills it K times at random points of the delivery
/// (SIGKILL, then a restart), drops its broker connections at random, and when everything is delivered or
/// dead-lettered (or the deadline passed) counts from the sinks what arrived.
/// </summary>
public sealed class SoakRunner(SoakOptions options, TextWriter output)
{
    /// <summary>After everything seems settled, how long the sinks are still watched for a late duplicate.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    public async Task<SoakResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        SoakPlan? plan = null;
        await using var stack = await SoakStack.StartAsync(options, n => n < options.Notifications ? SoakPlan.IdOf(n) : null, cancellationToken);
        plan = SoakPlan.Create(options.Subscriptions, options.Notifications, stack.Webhooks.BaseUrl, now);
        await SeedAsync(stack, plan, cancellationToken);
        var deliverable = plan.Notifications.Count(n => !plan.ExpectedPermanent(n));
        var permanent = plan.Notifications.Count - deliverable;
        output.WriteLine($"soak: {plan.Subscriptions.Count} subscriptions, {plan.Notifications.Count} notifications queued ({deliverable} deliverable, {permanent} to designated permanent failures), stack up in {clock.Elapsed.TotalSeconds:0.0} s");

        var dice = new FaultDice(options.Seed);
        var killAt = Enumerable.Range(0, options.Kills).Select(_ => (int)(deliverable * (0.02 + 0.93 * dice.Next()))).Order().ToList();
        var kills = 0;
        await using var worker = new WorkerProcess(stack.WorkerSettings(options), options.WorkerLog);
        await worker.StartAsync(cancellationToken);
        var deadline = clock.Elapsed + options.Deadline;
        var nextDrop = clock.Elapsed + Exponential(dice, options.DropEvery);
        TimeSpan? settledSince = null;
        var lastReport = TimeSpan.Zero;
        var reportedSamples = new HashSet<string>(StringComparer.Ordinal);
        while (clock.Elapsed < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            var delivered = stack.Smtp.Receipts.Unique + stack.Webhooks.Receipts.Unique;
            if (kills < killAt.Count && delivered >= killAt[kills])
            {
                await Task.Delay(TimeSpan.FromMilliseconds(dice.Next(0, 400)), cancellationToken);
                await worker.KillAsync();
                kills++;
                await worker.StartAsync(cancellationToken);
            }

            await worker.RestartIfCrashedAsync(cancellationToken);
            if (options.DropEvery > TimeSpan.Zero && clock.Elapsed >= nextDrop)
            {
                stack.Proxy.DropAll();
                nextDrop = clock.Elapsed + Exponential(dice, options.DropEvery);
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(30))
            {
                lastReport = clock.Elapsed;
                output.WriteLine($"soak: {clock.Elapsed.TotalSeconds:0} s, {delivered}/{deliverable} delivered, {kills} kills, {stack.Proxy.Drops} drops; sinks: email {stack.Smtp.Receipts.Unique} ({stack.Smtp.Receipts.Unrecognised} unrecognised), teams {stack.Webhooks.Receipts.Unique} ({stack.Webhooks.Receipts.Unrecognised} unrecognised); broker {Counts(stack)}");
            }

            foreach (var sample in new[] { stack.Smtp.Receipts.FirstUnrecognised, stack.Webhooks.Receipts.FirstUnrecognised }.OfType<string>())
            {
                if (reportedSamples.Add(sample))
                {
                    output.WriteLine("soak: an arrival the soak cannot attribute: " + sample);
                }
            }

            var settled = delivered >= deliverable && kills == killAt.Count && Pending(stack) == 0;
            settledSince = settled ? settledSince ?? clock.Elapsed : null;
            if (settledSince is { } since && clock.Elapsed - since >= Grace)
            {
                break;
            }
        }

        await worker.KillAsync();
        var tally = await SoakTally.CountAsync(plan, stack, cancellationToken);
        return new SoakResult(options.Notifications, tally, kills, stack.Proxy.Drops, worker.Crashes, clock.Elapsed);
    }

    private static int Pending(SoakStack stack) =>
        new[] { Channels.Email, Channels.Teams }
            .Select(c => stack.Bus.GetCounts(ServiceBusNames.NotificationsTopic, c))
            .Sum(c => c.Active + c.Scheduled);

    private static string Counts(SoakStack stack) => string.Join("; ", new[] { Channels.Email, Channels.Teams }.Select(c =>
    {
        var n = stack.Bus.GetCounts(ServiceBusNames.NotificationsTopic, c);
        return $"{c} {n.Active} active, {n.Scheduled} scheduled, {n.DeadLetter} dead-lettered";
    }));

    private static TimeSpan Exponential(FaultDice dice, TimeSpan mean) => mean * -Math.Log(1 - dice.Next());

    private static async Task SeedAsync(SoakStack stack, SoakPlan plan, CancellationToken cancellationToken)
    {
        var store = new SubscriptionStore<Subscription>(stack.Storage);
        await Parallel.ForEachAsync(plan.Subscriptions, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (s, ct) => await store.CreateAsync(s.Owner, s.Id, s, ct));
        await using var client = new ServiceBusClient(stack.Bus.ConnectionString);
        await using var publisher = new NotificationPublisher(client, NullLogger<NotificationPublisher>.Instance);
        foreach (var chunk in plan.Notifications.Chunk(500))
        {
            await publisher.PublishAsync(chunk, cancellationToken);
        }
    }
}
