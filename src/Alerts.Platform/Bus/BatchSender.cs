using Azure.Messaging.ServiceBus;

namespace Alerts.Platform.Bus;

/// <summary>Sends messages in as few <see cref="ServiceBusMessageBatch"/>es as fit, after checking every size first.</summary>
public static class BatchSender
{
    /// <returns>The number of batches sent.</returns>
    public static async Task<int> SendAsync(ServiceBusSender sender, IReadOnlyList<ServiceBusMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
        {
            MessageSizeGuard.Check(m);
        }

        var batches = 0;
        var batch = await sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var m in messages)
            {
                if (batch.TryAddMessage(m))
                {
                    continue;
                }

                if (batch.Count == 0)
                {
                    throw new MessageTooLargeException($"Message {m.MessageId} ({m.Subject}) does not fit in an empty batch of at most {batch.MaxSizeInBytes} bytes.");
                }

                await sender.SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
                batches++;
                batch.Dispose();
                batch = await sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
                if (!batch.TryAddMessage(m))
                {
                    throw new MessageTooLargeException($"Message {m.MessageId} ({m.Subject}) does not fit in an empty batch of at most {batch.MaxSizeInBytes} bytes.");
                }
            }

            if (batch.Count > 0)
            {
                await sender.SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
                batches++;
            }

            return batches;
        }
        finally
        {
            batch.Dispose();
        }
    }
}
