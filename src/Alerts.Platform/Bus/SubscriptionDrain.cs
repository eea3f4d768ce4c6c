using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.Platform.Bus;

/// <summary>
/// Drains a topic subscription in one bounded run: a PeekLock receiver, batches until the subscription is empty or
/// the time budget is spent (an optional message cap), each body deserialized and passed to a handler with its
/// locks renewed while it runs, settled as the handler says, the receiver disposed at the end. The handler does not know how the message arrived, so a Service Bus trigger could
/// call it the same way.
/// </summary>
/// <remarks>
/// A delayed retry is a copy scheduled on the topic with MessageId <c>{original}:retry{n}</c> (the original
/// id would be dropped by duplicate detection) and properties <see cref="MessageProperties.RetryAttempt"/>,
/// <see cref="MessageProperties.OriginalMessageId"/> and <see cref="MessageProperties.RetryFor"/>; then the
/// original is completed. A copy reaches every subscription whose filter it passes: drains of other
/// subscriptions complete it unhandled (counted as skipped). Settling and retries are in SubscriptionDrain.Settle.cs.
/// </remarks>
public sealed partial class SubscriptionDrain
{
    public const string MalformedMessageReason = "MalformedMessage";
    public const string MaxRetriesExceededReason = "MaxRetriesExceeded";
    private const int MaxDescriptionLength = 1024;

    private readonly ServiceBusClient client;
    private readonly TimeProvider time;
    private readonly ILogger<SubscriptionDrain> logger;

    public SubscriptionDrain(ServiceBusClient client, TimeProvider time, ILogger<SubscriptionDrain> logger)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Drains with a handler per message; a handler that throws abandons its message.</summary>
    public Task<DrainSummary> DrainAsync<T>(
        string topic,
        string subscription,
        Func<T, ServiceBusReceivedMessage, CancellationToken, Task<Settlement>> handler,
        DrainOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return DrainCoreAsync<T>(
            topic,
            subscription,
            async (items, ct) =>
            {
                var settlements = new List<Settlement?>(items.Count);
                foreach (var (body, message) in items)
                {
                    using var activity = BusTelemetry.StartProcess(topic, subscription, [message]);
                    using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = message.CorrelationId, ["MessageId"] = message.MessageId });
                    try
                    {
                        settlements.Add(await handler(body, message, ct).ConfigureAwait(false));
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
                        LogHandlerFailed(e, message.CorrelationId, message.MessageId, topic, subscription);
                        settlements.Add(null);
                    }
                }

                return settlements;
            },
            options,
            traceBatches: false,
            cancellationToken);
    }

    /// <summary>
    /// Drains with a handler per received batch (e.g. routing, which groups the events of one batch); the handler
    /// returns one settlement per item, in order, or null to abandon that item. A handler that throws abandons the batch.
    /// Malformed bodies and retry copies meant for other subscriptions never reach it.
    /// </summary>
    public Task<DrainSummary> DrainBatchesAsync<T>(
        string topic,
        string subscription,
        Func<IReadOnlyList<(T Body, ServiceBusReceivedMessage Message)>, CancellationToken, Task<IReadOnlyList<Settlement?>>> handler,
        DrainOptions? options,
        CancellationToken cancellationToken) =>
        DrainCoreAsync(topic, subscription, handler, options, traceBatches: true, cancellationToken);

    /// <param name="traceBatches">One span per batch handled; else the handler starts one per message.</param>
    private async Task<DrainSummary> DrainCoreAsync<T>(
        string topic,
        string subscription,
        Func<IReadOnlyList<(T Body, ServiceBusReceivedMessage Message)>, CancellationToken, Task<IReadOnlyList<Settlement?>>> handler,
        DrainOptions? options,
        bool traceBatches,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription);
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new DrainOptions();
        options.Validate();
        var started = time.GetTimestamp();
        var run = new Run(topic, subscription);
        await using (var receiver = client.CreateReceiver(topic, subscription, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = 0 }))
        {
            ServiceBusSender? retrySender = null;
            try
            {
                while ((options.MaxMessages is not { } cap || run.Received < cap) && !cancellationToken.IsCancellationRequested)
                {
                    var remaining = options.TimeBudget - time.GetElapsedTime(started);
                    if (remaining <= TimeSpan.Zero)
                    {
                        LogBudgetSpent(topic, subscription, options.TimeBudget);
                        break;
                    }

                    var wait = remaining < options.ReceiveWait ? remaining : options.ReceiveWait;
                    var count = options.MaxMessages is { } max ? Math.Min(options.BatchSize, max - run.Received) : options.BatchSize;
                    var batch = await receiver.ReceiveMessagesAsync(count, wait, cancellationToken).ConfigureAwait(false);
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    var items = new List<(T Body, ServiceBusReceivedMessage Message)>(batch.Count);
                    foreach (var message in batch)
                    {
                        run.Received++;
                        if (await PrepareAsync<T>(receiver, message, run).ConfigureAwait(false) is (true, var body))
                        {
                            items.Add((body!, message));
                        }
                    }

                    if (items.Count == 0)
                    {
                        continue;
                    }

                    IReadOnlyList<Settlement?> settlements;
                    using var activity = traceBatches ? BusTelemetry.StartProcess(topic, subscription, items.Select(i => i.Message)) : null;
                    try
                    {
                        await using var renewal = LockRenewal.Start(receiver, [.. items.Select(i => i.Message)], time, logger);
                        settlements = await handler(items, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
                        LogHandlerFailed(e, items[0].Message.CorrelationId, items[0].Message.MessageId, topic, subscription);
                        settlements = new Settlement?[items.Count];
                    }

                    for (var i = 0; i < items.Count; i++)
                    {
                        var settlement = i < settlements.Count ? settlements[i] : null;
                        retrySender = await SettleAsync(receiver, retrySender, items[i].Message, settlement, options, run).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (retrySender is not null)
                {
                    await retrySender.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        var summary = new DrainSummary(run.Received, run.Completed, run.Retried, run.DeadLettered, run.Abandoned, run.Skipped, time.GetElapsedTime(started));
        LogSummary(topic, subscription, summary.Received, summary.Completed, summary.Retried, summary.DeadLettered, summary.Abandoned, summary.Skipped, summary.Elapsed.TotalMilliseconds);
        return summary;
    }

    /// <summary>Completes retry copies meant for another subscription and dead-letters malformed bodies; otherwise the body.</summary>
    private async Task<(bool Ok, T? Body)> PrepareAsync<T>(ServiceBusReceiver receiver, ServiceBusReceivedMessage message, Run run)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = message.CorrelationId, ["MessageId"] = message.MessageId });
        try
        {
            if (message.ApplicationProperties.TryGetValue(MessageProperties.RetryFor, out var retryFor)
                && !string.Equals(retryFor as string, run.Subscription, StringComparison.OrdinalIgnoreCase))
            {
                await receiver.CompleteMessageAsync(message, CancellationToken.None).ConfigureAwait(false);
                run.Skipped++;
                return (false, default);
            }

            try
            {
                return (true, MessageJson.Deserialize<T>(message.Body));
            }
            catch (JsonException e)
            {
                var description = Cut($"The body is not a valid {typeof(T).Name} at JSON path {e.Path ?? "$"}: {e.Message}");
                LogMalformed(message.CorrelationId, message.MessageId, run.Topic, run.Subscription, e.Path ?? "$");
                await receiver.DeadLetterMessageAsync(message, MalformedMessageReason, description, CancellationToken.None).ConfigureAwait(false);
                run.DeadLettered++;
                BusTelemetry.RecordDeadLettered(run.Topic, run.Subscription, MalformedMessageReason);
                return (false, default);
            }
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            LogLockLost(message.CorrelationId, message.MessageId);
            run.Abandoned++;
            return (false, default);
        }
    }

    /// <summary>0 for a first delivery; n for the n-th scheduled retry copy.</summary>
    public static int RetryAttemptOf(ServiceBusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.ApplicationProperties.TryGetValue(MessageProperties.RetryAttempt, out var a) ? Convert.ToInt32(a, CultureInfo.InvariantCulture) : 0;
    }

    private static string Cut(string text) => text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength];

    private sealed class Run(string topic, string subscription)
    {
        public string Topic { get; } = topic;

        public string Subscription { get; } = subscription;

        public int Received { get; set; }

        public int Completed { get; set; }

        public int Retried { get; set; }

        public int DeadLettered { get; set; }

        public int Abandoned { get; set; }

        public int Skipped { get; set; }
    }
}
