using System.Text.Json;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Route.Notifications;
using Alerts.TestKit.Bus;
using Alerts.TestKit.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Evaluate.Tests.Breaches;

public sealed class BreachPublisherTests
{
    [Fact]
    public async Task PublishAsync_Events_ArriveOnTheRouterWithIdsPropertiesAndJsonBody()
    {
        await using var fx = await BusFixture.StartAsync();
        await using var publisher = new BreachPublisher(fx.Client, NullLogger<BreachPublisher>.Instance);
        var firing = BusTestEvents.Event("e-1");
        var resolved = BusTestEvents.Event("e-2", AlertState.Resolved, "280530");

        await publisher.PublishAsync([firing, resolved], CancellationToken.None);

        var received = await fx.ReceiveAllAsync(ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription, 10);
        Assert.Equal(["e-1", "e-2"], received.Select(m => m.MessageId));
        var m = received[1];
        Assert.Equal("fp-280530", m.CorrelationId);
        Assert.Equal("application/json", m.ContentType);
        Assert.Equal("resolved: crma-single-country EU27_2020/280530 2024", m.Subject);
        Assert.Equal(
            new Dictionary<string, object> { ["severity"] = "critical", ["commodity"] = "280530", ["reporter"] = "EU27_2020", ["state"] = "resolved", ["ruleId"] = "crma-single-country" },
            m.ApplicationProperties.ToDictionary());
        var body = MessageJson.Deserialize<AlertEvent>(m.Body);
        Assert.Equal(resolved with { TopSuppliers = body.TopSuppliers }, body);
        Assert.Equal(resolved.TopSuppliers, body.TopSuppliers);
        using var json = JsonDocument.Parse(m.Body.ToString());
        Assert.Equal("resolved", json.RootElement.GetProperty("state").GetString()); // enums as camelCase strings
        Assert.Equal("import", json.RootElement.GetProperty("flow").GetString());
        Assert.Equal(0.7, json.RootElement.GetProperty("revision").GetProperty("oldValue").GetDouble());
    }

    [Fact]
    public async Task PublishAsync_SameEventTwice_IsDeliveredOnce()
    {
        await using var fx = await BusFixture.StartAsync();
        await using var publisher = new BreachPublisher(fx.Client, NullLogger<BreachPublisher>.Instance);

        await publisher.PublishAsync([BusTestEvents.Event("e-1")], CancellationToken.None);
        await publisher.PublishAsync([BusTestEvents.Event("e-1")], CancellationToken.None); // an overlapping or repeated run

        Assert.Equal(1, fx.Bus.GetCounts(ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription).Active);
    }

    [Fact]
    public async Task PublishAsync_MoreThanOneBatchHolds_SendsEveryEvent()
    {
        await using var fx = await BusFixture.StartAsync();
        await using var publisher = new BreachPublisher(fx.Client, NullLogger<BreachPublisher>.Instance);
        var events = Enumerable.Range(0, 120).Select(i => BusTestEvents.Event($"e-{i:D3}", suppliers: 40)).ToList(); // ~5 KB each: several 256 KB batches

        await publisher.PublishAsync(events, CancellationToken.None);

        var received = await fx.ReceiveAllAsync(ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription, 200);
        Assert.Equal(events.Select(e => e.EventId), received.Select(m => m.MessageId));
    }

    [Fact]
    public async Task PublishAsync_OneEventTooLarge_ThrowsAndSendsNothing()
    {
        await using var fx = await BusFixture.StartAsync();
        await using var publisher = new BreachPublisher(fx.Client, NullLogger<BreachPublisher>.Instance);
        var huge = BusTestEvents.Event("e-huge", suppliers: 5000);

        var e = await Assert.ThrowsAsync<MessageTooLargeException>(() => publisher.PublishAsync([BusTestEvents.Event("e-ok"), huge], CancellationToken.None));

        Assert.Contains("e-huge", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, fx.Bus.GetCounts(ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription).Active);
    }
}
