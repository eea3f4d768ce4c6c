using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.Platform.Bus;

/// <summary>
/// Keeps the PeekLocks of the messages being handled alive while a slow handler (a webhook that takes its full
/// timeout, a long routing batch) runs: each lock is renewed when half of what was left of it has passed, so the
/// settlement after the handler does not fail with a lost lock and the message is not delivered a second time.
/// Disposing stops the renewals; a renewal that fails is logged and left to the lost-lock path.
/// </summary>
internal sealed partial class LockRenewal : IAsyncDisposable
{
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
        if (messages.Count == 0)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var earliest = messages.Min(m => m.LockedUntil);
            var wait = (earliest - time.GetUtcNow()) / 2;
            await Task.Delay(wait > TimeSpan.FromMilliseconds(10) ? wait : TimeSpan.FromMilliseconds(10), time, cancellationToken).ConfigureAwait(false);
            foreach (var message in messages)
            {
                try
                {
                    // The SDK updates message.LockedUntil, which sets the next wait.
                    await receiver.RenewMessageLockAsync(message, cancellationToken).ConfigureAwait(false);
                }
                catch (ServiceBusException e)
                {
                    LogRenewFailed(logger, e, message.MessageId, e.Reason);
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lock of message {MessageId} ({Reason}): its settlement may find the lock lost")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string messageId, ServiceBusFailureReason reason);
}
