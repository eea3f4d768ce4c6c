using Alerts.LocalServiceBus;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.LocalServiceBus.Tests.Amqp;

/// <summary>A freshly started broker on a free port with a real SDK client; one per test.</summary>
internal sealed class BrokerFixture : IAsyncDisposable
{
    public const string UnfilteredTopology = "Topologies/unfiltered.json";

    private BrokerFixture(LoopbackServiceBus bus, ServiceBusClient client, FakeTimeProvider? clock)
    {
        Bus = bus;
        Client = client;
        Clock = clock;
    }

    public LoopbackServiceBus Bus { get; }

    public ServiceBusClient Client { get; }

    /// <summary>The broker's clock when the test asked for a fake one.</summary>
    public FakeTimeProvider? Clock { get; }

    public static async Task<BrokerFixture> StartAsync(string? topologyPath = UnfilteredTopology, bool fakeClock = false, TimeSpan? tryTimeout = null)
    {
        var clock = fakeClock ? new FakeTimeProvider(TimeProvider.System.GetUtcNow()) : null;
        var bus = await LoopbackServiceBus.StartAsync(new LoopbackServiceBusOptions
        {
            TopologyPath = topologyPath is null ? null : Path.Combine(AppContext.BaseDirectory, topologyPath),
            TimeProvider = clock ?? TimeProvider.System,
        });
        var client = new ServiceBusClient(bus.ConnectionString, new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = tryTimeout ?? TimeSpan.FromSeconds(10) },
        });
        return new BrokerFixture(bus, client, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Bus.DisposeAsync();
    }
}
