using Alerts.LocalServiceBus.Amqp;
using Alerts.LocalServiceBus.Broker;
using Alerts.LocalServiceBus.Topology;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.LocalServiceBus;

/// <summary>
/// A small AMQP 1.0 broker on 127.0.0.1 that the unmodified Azure.Messaging.ServiceBus client accepts
/// through a connection string with <c>UseDevelopmentEmulator=true</c>.
/// </summary>
public sealed class LoopbackServiceBus : IAsyncDisposable
{
    private readonly BrokerNamespace _broker;
    private readonly AmqpHost _host;
    private readonly ILogger _logger;
    private int _disposed;

    private LoopbackServiceBus(BrokerNamespace broker, AmqpHost host, ILogger logger)
    {
        _broker = broker;
        _host = host;
        _logger = logger;
    }

    /// <summary>The TCP port on 127.0.0.1 the broker listens on.</summary>
    public int Port => _host.Port;

    /// <summary>Connection string for the real SDK.</summary>
    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=local;SharedAccessKey=local;UseDevelopmentEmulator=true";

    /// <summary>The broker's entities, for tests and tools in this assembly's family.</summary>
    internal BrokerNamespace Broker => _broker;

    /// <summary>Starts the broker; throws <see cref="TopologyException"/> for a malformed topology file.</summary>
    public static Task<LoopbackServiceBus> StartAsync(LoopbackServiceBusOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LoopbackServiceBusOptions();
        cancellationToken.ThrowIfCancellationRequested();
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LoopbackServiceBus>();
        var topology = options.TopologyPath is null ? TopologyLoader.LoadEmbedded() : TopologyLoader.LoadFile(options.TopologyPath);
        var broker = TopologyBuilder.Build(topology, options.TimeProvider);
        try
        {
            var host = AmqpHost.Start(broker, options.Port, logger);
            logger.LogInformation("Loopback Service Bus listening on 127.0.0.1:{Port} with {TopicCount} topics", host.Port, topology.Topics.Count);
            return Task.FromResult(new LoopbackServiceBus(broker, host, logger));
        }
        catch
        {
            broker.Dispose();
            throw;
        }
    }

    /// <summary>Counts of one subscription, for tests: active, dead-lettered and scheduled messages.</summary>
    public SubscriptionCounts GetCounts(string topic, string subscription) => _broker.GetCounts(topic, subscription);

    /// <summary>Stops listening, closes every connection and the broker's timer.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _host.Dispose();
            _broker.Dispose();
            _logger.LogInformation("Loopback Service Bus on port {Port} stopped", Port);
        }

        return ValueTask.CompletedTask;
    }
}
