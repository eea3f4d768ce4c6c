namespace Alerts.LocalServiceBus;

/// <summary>
/// A small AMQP 1.0 broker on 127.0.0.1 that the unmodified Azure.Messaging.ServiceBus client accepts
/// through a connection string with <c>UseDevelopmentEmulator=true</c>.
/// </summary>
public sealed class LoopbackServiceBus : IAsyncDisposable
{
    private LoopbackServiceBus(int port)
    {
        Port = port;
    }

    public int Port { get; }

    /// <summary>Connection string for the real SDK.</summary>
    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=local;SharedAccessKey=local;UseDevelopmentEmulator=true";

    /// <summary>Starts the broker; throws <see cref="TopologyException"/> for a malformed topology file.</summary>
    public static Task<LoopbackServiceBus> StartAsync(LoopbackServiceBusOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("The loopback Service Bus is being built (issue 2).");

    /// <summary>Counts of one subscription, for tests: active, dead-lettered and scheduled messages.</summary>
    public SubscriptionCounts GetCounts(string topic, string subscription) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public readonly record struct SubscriptionCounts(int Active, int DeadLetter, int Scheduled);
