using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.Platform.Bus;

/// <summary>
/// Keeps the PeekLocks of the messages being handled alive while a slow handler (a webhook that takes its full
/// timeout, a long routing batch) runs: each lock is renewed when half of what was left of it has passed, so the
/// settlement after the handler does not fail with a lost lock and the message is not delivered a second time.
/// Disposing stops the renewals. A transient failure (a dropped broker connection, a timeout) is retried a second later;
/// a lock found lost is logged, no longer renewed and left to the lost-lock path.
/// </summary>
internal sealed partial class LockRenewal : IAsyncDisposable
{
    /// <summary>Wait before renewing again after a transient failure.</summary>
    internal static readonly TimeSpan RetryAfterTransientFailure = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private LockRenewal(ServiceBusReceiver receiver, IReadOnlyList<ServiceBusReceivedMessage> messages, TimeProvider time, ILogger logger) =>
        loop = RunAsync(receiver, messages, time, logger, stop.Token);

    public static LockRenewal Start(ServiceBusReceiver receiver, IReadOnlyList<ServiceBusReceivedMessage> messages, TimeProvider time, ILogger logger) =>
        new(receiver, messages, time, logger);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for the next renewal: the normal end.
        }

        stop.Dispose();
    }

    private async Task RunAsync(ServiceBusReceiver receiver, IReadOnlyList<ServiceBusReceivedMessage> messages, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var held = messages.ToList();
        var failedLastRound = false;
        while (held.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var earliest = held.Min(m => m.LockedUntil);
            var wait = (earliest - time.GetUtcNow()) / 2;

            // After a transient failure (the connection dropped) try again soon: the broker still holds the lock.
            var delay = failedLastRound ? RetryAfterTransientFailure : wait > TimeSpan.FromMilliseconds(10) ? wait : TimeSpan.FromMilliseconds(10);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            failedLastRound = false;
            foreach (var message in held.ToList())
            {
                try
                {
                    // The SDK updates message.LockedUntil, which sets the next wait.
                    await receiver.RenewMessageLockAsync(message, cancellationToken).ConfigureAwait(false);
                }
                catch (ServiceBusException e) when (e.IsTransient)
                {
                    // A broker connection drop or a timeout: the SDK reconnects and renews by lock token next round.
                    LogRenewRetried(logger, e, message.MessageId, e.Reason);
                    failedLastRound = true;
                }
                catch (ServiceBusException e)
                {
                    LogRenewFailed(logger, e, message.MessageId, e.Reason);
                    held.Remove(message);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not renew the lock of message {MessageId} ({Reason}), a transient failure: trying again")]
    private static partial void LogRenewRetried(ILogger logger, Exception exception, string messageId, ServiceBusFailureReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lock of message {MessageId} ({Reason}): its settlement may find the lock lost")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string messageId, ServiceBusFailureReason reason);
}
