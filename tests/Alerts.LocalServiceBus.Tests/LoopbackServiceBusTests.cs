using System.Net;
using System.Net.Sockets;
using Alerts.LocalServiceBus.Tests.Amqp;
using Amqp;
using Amqp.Framing;
using Azure.Messaging.ServiceBus;

namespace Alerts.LocalServiceBus.Tests;

/// <summary>Starting and stopping the broker, and bad clients that must not hurt good ones.</summary>
public sealed class LoopbackServiceBusTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task StartAsync_PortZero_ListensOnAFreePortAndFreesItOnDispose()
    {
        var bus = await LoopbackServiceBus.StartAsync(new LoopbackServiceBusOptions { TopologyPath = TopologyFile() });
        var port = bus.Port;
        Assert.InRange(port, 1, 65535);
        Assert.Contains($"Endpoint=sb://127.0.0.1:{port};", bus.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentEmulator=true", bus.ConnectionString, StringComparison.Ordinal);

        await bus.DisposeAsync();

        using var probe = new TcpListener(IPAddress.Loopback, port);
        probe.Start();
        probe.Stop();
    }

    [Fact]
    public async Task StartAsync_MalformedTopologyFile_ThrowsNamingFileAndField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"topology-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "UserConfig": { "Namespaces": [ { "Topics": [ { "Name": "t", "Subscriptions": [ { "Name": "s", "Properties": { "LockDuration": "one minute" } } ] } ] } ] } }""");
        try
        {
            var error = await Assert.ThrowsAsync<TopologyException>(() => LoopbackServiceBus.StartAsync(new LoopbackServiceBusOptions { TopologyPath = path }));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("$.UserConfig.Namespaces[0].Topics[0].Subscriptions[0].Properties.LockDuration", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task GarbageBytes_FromOneClient_BrokerClosesItAndServesOthers()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("breaches");
        await sender.SendMessageAsync(new ServiceBusMessage("before") { MessageId = "before" });

        foreach (var garbage in GarbageInputs())
        {
            using var raw = new TcpClient();
            await raw.ConnectAsync(IPAddress.Loopback, fx.Bus.Port);
            var stream = raw.GetStream();
            await stream.WriteAsync(garbage);
            Assert.True(await ClosedByPeerAsync(stream), "the broker should drop a client that sends garbage");
        }

        await sender.SendMessageAsync(new ServiceBusMessage("after") { MessageId = "after" });
        var received = await TopicSenderEndpointTests.ReceiveAllAsync(fx, "router", 2);
        Assert.Equal(["before", "after"], received.Select(m => m.Body.ToString()));
    }

    [Fact]
    public async Task ClientDisconnectingMidTransfer_DoesNotLoseOtherClientsMessages()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("breaches");
        await sender.SendMessageAsync(new ServiceBusMessage("before") { MessageId = "before" });
        await using var proxy = new CuttingProxy(fx.Bus.Port, cutAfterBytes: 40_000);
        await using (var flaky = new ServiceBusClient(
            $"Endpoint=sb://127.0.0.1:{proxy.Port};SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true",
            new ServiceBusClientOptions { RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(5) } }))
        {
            await using var flakySender = flaky.CreateSender("breaches");
            await Assert.ThrowsAnyAsync<Exception>(() => flakySender.SendMessageAsync(new ServiceBusMessage(new byte[200_000]) { MessageId = "cut" }));
            await proxy.Cut.Task.WaitAsync(Wait);
        }

        await sender.SendMessageAsync(new ServiceBusMessage("after") { MessageId = "after" });
        var received = await TopicSenderEndpointTests.ReceiveAllAsync(fx, "router", 2);
        Assert.Equal(["before", "after"], received.Select(m => m.Body.ToString()));
        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "router"));
    }

    [Fact]
    public async Task RawAmqpSend_Over256Kilobytes_IsRejectedByTheBrokerWithMessageSizeExceeded()
    {
        // The SDK checks the advertised limit itself; a plain AMQP client shows the broker enforces it too.
        await using var fx = await BrokerFixture.StartAsync();
        var connection = await Connection.Factory.CreateAsync(new Address($"amqp://k:v@127.0.0.1:{fx.Bus.Port}"));
        try
        {
            var session = new Session(connection);
            var link = new SenderLink(session, "raw-sender", "breaches");

            var error = await Assert.ThrowsAsync<AmqpException>(() => link.SendAsync(new Message { BodySection = new Data { Binary = new byte[300 * 1024] } }));

            Assert.Equal("amqp:link:message-size-exceeded", (string)error.Error.Condition);
            Assert.Equal(0, fx.Bus.GetCounts("breaches", "router").Active);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static IEnumerable<byte[]> GarbageInputs()
    {
        // Random bytes instead of a protocol header.
        yield return [.. Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 251))];

        // A valid SASL header followed by a frame that is not a SASL frame.
        yield return [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 3, 1, 0, 0, 0, 0, 0, 16, 2, 1, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

        // A frame size larger than any sane limit.
        yield return [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 3, 1, 0, 0, 0x7f, 0xff, 0xff, 0xff, 2, 1, 0, 0];
    }

    private static async Task<bool> ClosedByPeerAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            while (true)
            {
                if (await stream.ReadAsync(buffer, timeout.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string TopologyFile() => Path.Combine(AppContext.BaseDirectory, BrokerFixture.UnfilteredTopology);
}
