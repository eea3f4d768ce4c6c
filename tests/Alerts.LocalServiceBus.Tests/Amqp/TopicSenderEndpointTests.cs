using Azure.Messaging.ServiceBus;

namespace Alerts.LocalServiceBus.Tests.Amqp;

/// <summary>Sending through the real SDK: single, batch, list, duplicates and the size limit.</summary>
public sealed class TopicSenderEndpointTests
{
    [Fact]
    public async Task SendMessageAsync_SingleMessage_ArrivesInEverySubscriptionWithBodyAndProperties()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("breaches");
        var message = new ServiceBusMessage("lithium breach")
        {
            MessageId = "m-1",
            Subject = "breach",
            CorrelationId = "corr-1",
            ContentType = "text/plain",
            ApplicationProperties = { ["channel"] = "email", ["count"] = 42, ["ratio"] = 0.5 },
        };

        await sender.SendMessageAsync(message);

        foreach (var subscription in new[] { "router", "audit" })
        {
            await using var receiver = fx.Client.CreateReceiver("breaches", subscription);
            var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
            Assert.NotNull(received);
            Assert.Equal("lithium breach", received.Body.ToString());
            Assert.Equal("m-1", received.MessageId);
            Assert.Equal("breach", received.Subject);
            Assert.Equal("corr-1", received.CorrelationId);
            Assert.Equal("text/plain", received.ContentType);
            Assert.Equal("email", received.ApplicationProperties["channel"]);
            Assert.Equal(42, received.ApplicationProperties["count"]);
            Assert.Equal(0.5, received.ApplicationProperties["ratio"]);
            Assert.Equal(1, received.DeliveryCount);
            Assert.Equal(1, received.SequenceNumber);
            Assert.InRange(received.EnqueuedTime, TimeProvider.System.GetUtcNow().AddMinutes(-1), TimeProvider.System.GetUtcNow().AddMinutes(1));
            await receiver.CompleteMessageAsync(received);
        }
    }

    [Fact]
    public async Task SendMessagesAsync_Batch_UnpacksEachMessageInOrder()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("breaches");
        using var batch = await sender.CreateMessageBatchAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(batch.TryAddMessage(new ServiceBusMessage($"b{i}") { MessageId = $"batch-{i}", ApplicationProperties = { ["i"] = i } }));
        }

        await sender.SendMessagesAsync(batch);

        var received = await ReceiveAllAsync(fx, "router", 3);
        Assert.Equal(["b0", "b1", "b2"], received.Select(m => m.Body.ToString()));
        Assert.Equal([0, 1, 2], received.Select(m => (int)m.ApplicationProperties["i"]));
        Assert.Equal([1L, 2L, 3L], received.Select(m => m.SequenceNumber));
    }

    [Fact]
    public async Task SendMessagesAsync_List_UnpacksEachMessage()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("breaches");

        await sender.SendMessagesAsync([
            new ServiceBusMessage("l0") { MessageId = "list-0" },
            new ServiceBusMessage("l1") { MessageId = "list-1" },
        ]);

        var received = await ReceiveAllAsync(fx, "audit", 2);
        Assert.Equal(["l0", "l1"], received.Select(m => m.Body.ToString()));
        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "audit"));
    }

    [Fact]
    public async Task SendMessageAsync_RepeatedMessageId_IsDroppedSilently()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("breaches");

        await sender.SendMessageAsync(new ServiceBusMessage("first") { MessageId = "same" });
        await sender.SendMessageAsync(new ServiceBusMessage("second") { MessageId = "same" });
        await sender.SendMessagesAsync([new ServiceBusMessage("third") { MessageId = "same" }, new ServiceBusMessage("other") { MessageId = "other" }]);

        Assert.Equal(2, fx.Bus.GetCounts("breaches", "router").Active);
        var received = await ReceiveAllAsync(fx, "router", 2);
        Assert.Equal(["first", "other"], received.Select(m => m.Body.ToString()));
    }

    [Fact]
    public async Task SendMessageAsync_Over256Kilobytes_FailsWithMessageSizeExceeded()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("breaches");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() =>
            sender.SendMessageAsync(new ServiceBusMessage(new byte[300 * 1024]) { MessageId = "big" }));

        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, error.Reason);
        Assert.Equal(0, fx.Bus.GetCounts("breaches", "router").Active);
    }

    [Fact]
    public async Task SendMessageAsync_UnknownTopic_FailsWithMessagingEntityNotFound()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("no-such-topic");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    internal static async Task<List<ServiceBusReceivedMessage>> ReceiveAllAsync(BrokerFixture fx, string subscription, int count)
    {
        await using var receiver = fx.Client.CreateReceiver("breaches", subscription);
        var all = new List<ServiceBusReceivedMessage>();
        for (var attempt = 0; attempt < 10 && all.Count < count; attempt++)
        {
            var batch = await receiver.ReceiveMessagesAsync(count - all.Count, TimeSpan.FromSeconds(2));
            foreach (var message in batch)
            {
                await receiver.CompleteMessageAsync(message);
                all.Add(message);
            }
        }

        return all;
    }
}
