using Alerts.Soak.Faults;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.LocalServiceBus.Tests.Amqp;

/// <summary>
/// Settling and renewing a lock taken before the connection dropped: the real SDK reconnects and, the link the
/// message came on being gone, settles through <c>$management</c> (update-disposition, renew-lock) by lock token.
/// </summary>
public sealed class DroppedConnectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CompleteMessageAsync_AfterTheConnectionDropped_CompletesNotRedelivers()
    {
        await using var fx = await DropFixture.StartAsync();
        var received = await fx.ReceiveAfterDropAsync("one");

        await fx.Receiver.CompleteMessageAsync(received);

        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "router"));
        fx.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await fx.Receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task AbandonMessageAsync_AfterTheConnectionDropped_RedeliversWithTheModifiedProperties()
    {
        await using var fx = await DropFixture.StartAsync();
        var received = await fx.ReceiveAfterDropAsync("again");

        await fx.Receiver.AbandonMessageAsync(received, new Dictionary<string, object> { ["attempt"] = 2 });

        var again = await fx.Receiver.ReceiveMessageAsync(Wait);
        Assert.Equal("again", again.Body.ToString());
        Assert.Equal(2, again.DeliveryCount);
        Assert.Equal(2, again.ApplicationProperties["attempt"]);
    }

    [Fact]
    public async Task DeadLetterMessageAsync_AfterTheConnectionDropped_MovesItWithTheReason()
    {
        await using var fx = await DropFixture.StartAsync();
        var received = await fx.ReceiveAfterDropAsync("poison");

        await fx.Receiver.DeadLetterMessageAsync(received, "DeliveryFailed", "410 Gone");

        Assert.Equal(new SubscriptionCounts(0, 1, 0), fx.Bus.GetCounts("breaches", "router"));
        await using var deadLetters = fx.Client.CreateReceiver("breaches", "router", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await deadLetters.ReceiveMessageAsync(Wait);
        Assert.Equal("poison", dead.Body.ToString());
        Assert.Equal("DeliveryFailed", dead.DeadLetterReason);
        Assert.Equal("410 Gone", dead.DeadLetterErrorDescription);
    }

    [Fact]
    public async Task RenewMessageLockAsync_AfterTheConnectionDropped_KeepsTheLockAcrossTheReconnect()
    {
        await using var fx = await DropFixture.StartAsync();
        var received = await fx.ReceiveAfterDropAsync("slow");

        fx.Clock.Advance(TimeSpan.FromSeconds(50));
        await fx.Receiver.RenewMessageLockAsync(received);
        fx.Clock.Advance(TimeSpan.FromSeconds(50));
        await fx.Receiver.CompleteMessageAsync(received);

        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "router"));
    }

    [Fact]
    public async Task CompleteMessageAsync_AfterTheDropAndTheLockExpired_ThrowsMessageLockLostAndRedelivers()
    {
        await using var fx = await DropFixture.StartAsync();
        var received = await fx.ReceiveAfterDropAsync("late");
        fx.Clock.Advance(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => fx.Receiver.CompleteMessageAsync(received));

        Assert.Equal(ServiceBusFailureReason.MessageLockLost, error.Reason);
        var again = await fx.Receiver.ReceiveMessageAsync(Wait);
        Assert.Equal("late", again.Body.ToString());
        Assert.Equal(2, again.DeliveryCount);
    }

    [Fact]
    public async Task CompleteMessageAsync_SecondTimeAfterTheDrop_ThrowsMessageLockLost()
    {
        await using var fx = await DropFixture.StartAsync();
        var received = await fx.ReceiveAfterDropAsync("twice");
        await fx.Receiver.CompleteMessageAsync(received);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => fx.Receiver.CompleteMessageAsync(received));

        Assert.Equal(ServiceBusFailureReason.MessageLockLost, error.Reason);
    }

    /// <summary>A broker on a fake clock, a client connected through a relay that resets connections.</summary>
    private sealed class DropFixture : IAsyncDisposable
    {
        private DropFixture(LoopbackServiceBus bus, DroppingProxy proxy, ServiceBusClient client, FakeTimeProvider clock)
        {
            Bus = bus;
            Proxy = proxy;
            Client = client;
            Clock = clock;
            Receiver = client.CreateReceiver("breaches", "router");
        }

        public LoopbackServiceBus Bus { get; }

        public DroppingProxy Proxy { get; }

        public ServiceBusClient Client { get; }

        public FakeTimeProvider Clock { get; }

        public ServiceBusReceiver Receiver { get; }

        public static async Task<DropFixture> StartAsync()
        {
            var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
            var bus = await LoopbackServiceBus.StartAsync(new LoopbackServiceBusOptions
            {
                TopologyPath = Path.Combine(AppContext.BaseDirectory, BrokerFixture.UnfilteredTopology),
                TimeProvider = clock,
            });
            var proxy = new DroppingProxy(bus.Port);
            var connection = bus.ConnectionString.Replace($"127.0.0.1:{bus.Port};", $"127.0.0.1:{proxy.Port};", StringComparison.Ordinal);
            var client = new ServiceBusClient(connection, new ServiceBusClientOptions
            {
                RetryOptions = new ServiceBusRetryOptions { MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(50), TryTimeout = TimeSpan.FromSeconds(10) },
            });
            return new DropFixture(bus, proxy, client, clock);
        }

        /// <summary>Sends one message, receives it (locked), resets the connection under it and waits for the reconnect.</summary>
        public async Task<ServiceBusReceivedMessage> ReceiveAfterDropAsync(string body)
        {
            await using (var sender = Client.CreateSender("breaches"))
            {
                await sender.SendMessageAsync(new ServiceBusMessage(body) { MessageId = body });
            }

            var received = await Receiver.ReceiveMessageAsync(Wait);
            Assert.Equal(body, received.Body.ToString());
            Assert.True(Proxy.DropAll() > 0, "the relay held no connection to drop");

            // A settle racing the client's own discovery of the reset fails on the dead link (the SDK calls that
            // MessageLockLost); a peek, retried until the client has reconnected, settles the race first.
            Assert.Equal(body, (await Receiver.PeekMessageAsync()).Body.ToString());
            return received;
        }

        public async ValueTask DisposeAsync()
        {
            await Receiver.DisposeAsync();
            await Client.DisposeAsync();
            await Proxy.DisposeAsync();
            await Bus.DisposeAsync();
        }
    }
}
