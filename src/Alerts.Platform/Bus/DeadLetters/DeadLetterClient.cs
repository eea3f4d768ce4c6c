using System.Globalization;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.Platform.Bus.DeadLetters;

/// <summary>
/// Lists, resubmits and purges the dead letters of the topology's subscriptions (their <c>$DeadLetterQueue</c>
/// sub-queues), for operators. Listing peeks and changes nothing. Resubmitting sends a copy to the topic and then
/// completes the dead letter; the copy is addressed to the subscription it died in (<see cref="MessageProperties.RetryFor"/>,
/// so other subscriptions' drains skip it) with MessageId <c>{original}:resubmit{sequence number}</c> (the original id
/// would be dropped by duplicate detection) and its retry count reset, so it gets a full set of retries again.
/// </summary>
public sealed partial class DeadLetterClient(ServiceBusClient client, ILogger<DeadLetterClient> logger)
{
    /// <summary>Most dead letters one call reads or acts on.</summary>
    public const int MaxMessages = 1000;

    private const int PageSize = 100;
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan NextWait = TimeSpan.FromSeconds(1);

    /// <summary>The queue's dead letters matching <paramref name="filter"/>, oldest first, at most <paramref name="max"/>; peeked, so nothing changes.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterQueue queue, DeadLetterFilter filter, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNotEqual(max is >= 1 and <= MaxMessages, true, nameof(max));
        var found = new List<DeadLetter>();
        await using var receiver = client.CreateReceiver(queue.Topic, queue.Subscription, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        long? from = null;
        while (found.Count < max)
        {
            var page = await receiver.PeekMessagesAsync(PageSize, from, cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Where(filter.Matches).Take(max - found.Count).Select(m => DeadLetter.From(queue, m)));
            if (page.Count < PageSize)
            {
                break;
            }

            from = page[^1].SequenceNumber + 1;
        }

        return found;
    }

    /// <summary>Sends a copy of each matching dead letter back to its topic for its subscription, then removes the dead letter; returns how many.</summary>
    public Task<int> ResubmitAsync(DeadLetterQueue queue, DeadLetterFilter filter, int max, CancellationToken cancellationToken) =>
        TakeAsync(queue, filter, max, resubmit: true, cancellationToken);

    /// <summary>Removes each matching dead letter for good; returns how many.</summary>
    public Task<int> PurgeAsync(DeadLetterQueue queue, DeadLetterFilter filter, int max, CancellationToken cancellationToken) =>
        TakeAsync(queue, filter, max, resubmit: false, cancellationToken);

    /// <summary>
    /// Receives the dead letters under lock; acts on the matching ones and holds the others locked until the end (so
    /// they are not received again in this pass), then gives those back. A message seen twice (its lock expired) ends the pass.
    /// </summary>
    private async Task<int> TakeAsync(DeadLetterQueue queue, DeadLetterFilter filter, int max, bool resubmit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNotEqual(max is >= 1 and <= MaxMessages, true, nameof(max));
        await using var receiver = client.CreateReceiver(
            queue.Topic, queue.Subscription, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter, ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = 0 });
        await using var sender = client.CreateSender(queue.Topic);
        var held = new List<ServiceBusReceivedMessage>();
        var seen = new HashSet<long>();
        var done = 0;
        try
        {
            var wait = FirstWait;
            while (done < max)
            {
                var batch = await receiver.ReceiveMessagesAsync(PageSize, wait, cancellationToken).ConfigureAwait(false);
                wait = NextWait;
                if (batch.Count == 0)
                {
                    break;
                }

                var again = false;
                foreach (var message in batch)
                {
                    again |= !seen.Add(message.SequenceNumber);
                    if (done < max && !again && filter.Matches(message))
                    {
                        if (resubmit)
                        {
                            await sender.SendMessageAsync(CopyOf(queue, message), cancellationToken).ConfigureAwait(false);
                        }

                        await receiver.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
                        LogTaken(resubmit ? "Resubmitted" : "Purged", message.CorrelationId, message.MessageId, queue.ToString(), message.DeadLetterReason);
                        done++;
                    }
                    else
                    {
                        held.Add(message);
                    }
                }

                if (again)
                {
                    break;
                }
            }
        }
        finally
        {
            foreach (var message in held)
            {
                await AbandonQuietlyAsync(receiver, message).ConfigureAwait(false);
            }
        }

        return done;
    }

    private static ServiceBusMessage CopyOf(DeadLetterQueue queue, ServiceBusReceivedMessage message)
    {
        var original = message.ApplicationProperties.TryGetValue(MessageProperties.OriginalMessageId, out var o) && o is string s ? s : message.MessageId;
        var id = string.Create(CultureInfo.InvariantCulture, $"{original}:resubmit{message.SequenceNumber}");
        var copy = new ServiceBusMessage(message) { MessageId = id };
        copy.ApplicationProperties.Remove("DeadLetterReason");
        copy.ApplicationProperties.Remove("DeadLetterErrorDescription");
        copy.ApplicationProperties.Remove(MessageProperties.RetryAttempt);
        copy.ApplicationProperties[MessageProperties.OriginalMessageId] = id;
        copy.ApplicationProperties[MessageProperties.RetryFor] = queue.Subscription;
        return copy;
    }

    // A lock that expired meanwhile gives the message back by itself: nothing is lost by failing to abandon it.
    private async Task AbandonQuietlyAsync(ServiceBusReceiver receiver, ServiceBusReceivedMessage message)
    {
        try
        {
            await receiver.AbandonMessageAsync(message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            LogLockLost(message.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} dead letter {MessageId} (correlation {CorrelationId}) of {Queue}, reason {Reason}")]
    private partial void LogTaken(string action, string correlationId, string messageId, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dead letter {MessageId} was no longer locked when given back")]
    private partial void LogLockLost(string messageId);
}
