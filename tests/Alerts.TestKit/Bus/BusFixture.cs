using Alerts.LocalServiceBus;
using Alerts.TestKit.Events;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Time.Testing;

using Xunit;

namespace Alerts.TestKit.Bus;

/// <summary>A loopback Service Bus with the project's topology, its (fake) clock, and a real SDK client.</summary>
public sealed class BusFixture : IAsyncDisposable
{
    private BusFixture(LoopbackServiceBus bus, ServiceBusClient client, FakeTimeProvider clock)
    {
        Bus = bus;
        Client = client;
        Clock = clock;
    }

    public LoopbackServiceBus Bus { get; }

    public ServiceBusClient Client { get; }

    /// <summary>Shared by the broker (locks, schedules) and the code under test.</summary>
    public FakeTimeProvider Clock { get; }

    public static async Task<BusFixture> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
        var bus = await LoopbackServiceBus.StartAsync(new LoopbackServiceBusOptions { TimeProvider = clock });
        var client = new ServiceBusClient(bus.ConnectionString, new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(10) },
        });
        return new BusFixture(bus, client, clock);
    }

    /// <summary>Receives (and completes) up to <paramref name="max"/> messages, waiting briefly for each batch.</summary>
    public async Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveAllAsync(string topic, string subscription, int max, SubQueue subQueue = SubQueue.None)
    {
        await using var receiver = Client.CreateReceiver(topic, subscription, new ServiceBusReceiverOptions { SubQueue = subQueue });
        var all = new List<ServiceBusReceivedMessage>();
        for (var i = 0; i < 20 && all.Count < max; i++)
        {
            var batch = await receiver.ReceiveMessagesAsync(max - all.Count, TimeSpan.FromMilliseconds(500));
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var m in batch)
            {
                await receiver.CompleteMessageAsync(m);
                all.Add(m);
            }
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Bus.DisposeAsync();
    }
}
