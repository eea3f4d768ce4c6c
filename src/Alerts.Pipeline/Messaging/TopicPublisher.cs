using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace Alerts.Pipeline.Messaging;

/// <summary>
/// Sends messages to one topic in as few batches as fit. Every message has a MessageId chosen by the caller
/// from what it is about, so the topic's duplicate detection drops a re-send.
/// </summary>
public abstract class TopicPublisher<T> : IAsyncDisposable
{
    private readonly ServiceBusSender sender;

    protected TopicPublisher(ServiceBusClient client, string topic)
    {
        ArgumentNullException.ThrowIfNull(client);
        sender = client.CreateSender(topic);
        Topic = topic;
    }

    public string Topic { get; }

    public async Task PublishAsync(IReadOnlyCollection<T> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var pending = new Queue<ServiceBusMessage>(items.Select(ToMessage));
        while (pending.Count > 0)
        {
            using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
            while (pending.Count > 0 && batch.TryAddMessage(pending.Peek()))
            {
                pending.Dequeue();
            }

            if (batch.Count == 0)
            {
                var big = pending.Peek();
                throw new InvalidOperationException($"Message {big.MessageId} for topic {Topic} is {big.Body.ToMemory().Length} bytes: larger than the topic accepts ({batch.MaxSizeInBytes}).");
            }

            await sender.SendMessagesAsync(batch, cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return sender.DisposeAsync();
    }

    protected abstract ServiceBusMessage Describe(T item, BinaryData body);

    private ServiceBusMessage ToMessage(T item) =>
        Describe(item, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(item, MessageJson.Options)));
}
