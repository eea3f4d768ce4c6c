using Azure.Messaging.ServiceBus;

namespace Alerts.Platform.Bus;

/// <summary>
/// Publishes items of one kind to one topic: JSON body (<see cref="MessageJson"/>), content type
/// <c>application/json</c>, and the id, correlation, subject and properties of the step's mapping
/// (<see cref="MessageEnvelope"/>); every size is checked before the first message is sent, then the messages go
/// in as few batches as fit (<see cref="BatchSender"/>). The steps' publishers keep only their mapping and logs.
/// </summary>
public sealed class BusPublisher<T> : IAsyncDisposable
{
    private readonly ServiceBusSender sender;
    private readonly Func<T, MessageEnvelope> envelope;

    public BusPublisher(ServiceBusClient client, string topic, Func<T, MessageEnvelope> envelope)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        this.envelope = envelope ?? throw new ArgumentNullException(nameof(envelope));
        sender = client.CreateSender(topic);
    }

    public static ServiceBusMessage CreateMessage(T item, MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(envelope);
        var message = new ServiceBusMessage(MessageJson.Serialize(item))
        {
            MessageId = envelope.MessageId,
            CorrelationId = envelope.CorrelationId,
            ContentType = "application/json",
            Subject = envelope.Subject,
        };
        foreach (var (name, value) in envelope.Properties)
        {
            message.ApplicationProperties[name] = value;
        }

        return message;
    }

    /// <returns>The number of batches sent (0 for no items).</returns>
    /// <exception cref="MessageTooLargeException">An item does not fit in one message; nothing was sent.</exception>
    public async Task<int> PublishAsync(IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0
            ? 0
            : await BatchSender.SendAsync(sender, [.. items.Select(i => CreateMessage(i, envelope(i)))], cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => sender.DisposeAsync();
}
