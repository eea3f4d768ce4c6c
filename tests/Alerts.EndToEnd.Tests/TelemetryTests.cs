using System.Diagnostics;
using Alerts.Platform.Bus;
using Alerts.Pull.Statistics;
using Alerts.Route.Notifications;
using Alerts.TestKit.Pipeline;
using Alerts.TestKit.Samples;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// The spans and metrics of one full cycle on the local stack, taken by the OpenTelemetry in-memory exporter from
/// the providers the app registers (<c>AlertsApp.AddAlerts</c>): one trace from the pull through both topics to
/// each delivery, and the counters agreeing with what the SMTP server, the webhook listener and the logs saw.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class TelemetryTests(TelemetryTests.Stack p) : IClassFixture<TelemetryTests.Stack>
{
    [Fact]
    public async Task FullCycle_LocalStack_IsOneTraceFromPullToDeliveryAndCountsWhatHappened()
    {
        // A bare service provider: resolving the providers starts them (a host's hosted service would).
        var tracing = p.Pipeline.Get<TracerProvider>();
        var metering = p.Pipeline.Get<MeterProvider>();
        await p.SubscribeDemoAsync();
        var verificationMails = p.Stack.Smtp.Messages.Snapshot().Count; // sent at subscribing, not through delivery
        await SendMalformedEmailNotificationAsync();

        await p.PullAsync();
        await p.RouteAsync();
        await p.DeliverAsync(Channels.Email);
        await p.DeliverAsync(Channels.Teams);
        Assert.True(tracing.ForceFlush());
        Assert.True(metering.ForceFlush());

        // Traces: pull -> (breaches, Diagnostic-Id) -> route -> (notifications, Diagnostic-Id) -> each delivery.
        var pull = Assert.Single(p.Spans, s => s.OperationName == "alerts.pull");
        var trace = p.Spans.Where(s => s.TraceId == pull.TraceId).ToList();
        var routes = trace.Where(s => s.DisplayName == "process breaches/router").ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.Equal((pull.SpanId, ActivityKind.Consumer), (r.ParentSpanId, r.Kind)));
        var mails = p.Stack.Smtp.Messages.Snapshot().Skip(verificationMails).ToList();
        var cards = p.Stack.Webhooks.Requests.Snapshot();
        var emailSpans = trace.Where(s => s.DisplayName == "process notifications/email").ToList();
        var teamsSpans = trace.Where(s => s.DisplayName == "process notifications/teams").ToList();
        Assert.Equal(mails.Count, emailSpans.Count); // one span per notification, each in the pull's trace
        Assert.Equal(cards.Count, teamsSpans.Count);
        Assert.All(emailSpans.Concat(teamsSpans), d => Assert.Contains(routes, r => r.SpanId == d.ParentSpanId));
        Assert.All(emailSpans.Concat(teamsSpans), d => Assert.False(string.IsNullOrEmpty(d.GetTagItem("alerts.correlation_id") as string)));

        // Metrics, checked against what the other side of each step saw.
        var firing = p.Logs.GetSnapshot().Count(r => r.Message.StartsWith("Published alert event", StringComparison.Ordinal) && r.Message.Contains("(Firing)", StringComparison.Ordinal));
        Assert.True(firing > 0);
        Assert.Equal(firing, Sum("alerts.alerts.fired"));
        Assert.True(Sum("alerts.alerts.fired", ("alerts.rule_id", "crma-single-country"), ("alerts.severity", "critical")) >= 1);
        Assert.Equal(0, Sum("alerts.alerts.resolved"));
        Assert.Equal(mails.Count, Sum("alerts.notifications.delivered", ("alerts.channel", Channels.Email)));
        Assert.Equal(cards.Count, Sum("alerts.notifications.delivered", ("alerts.channel", Channels.Teams)));
        Assert.Equal(0, Sum("alerts.notifications.failed"));
        Assert.Equal(1, Sum("alerts.messages.dead_lettered", ("messaging.destination.subscription.name", Channels.Email), ("alerts.reason", SubscriptionDrain.MalformedMessageReason)));
        var observations = TradeDataReader.ReadFile(SampleFiles.Get("comext/850511.json")).Observations.Count;
        Assert.Equal(observations, Sum("alerts.pull.observations", ("alerts.product", "850511")));
        Assert.Equal(1, Sum("alerts.pull.duration", ("alerts.product", "850511"), ("alerts.status", "Fetched"))); // one product pull recorded
    }

    // A notification whose body is not JSON: the email drain dead-letters it before any handler.
    private async Task SendMalformedEmailNotificationAsync()
    {
        await using var client = new ServiceBusClient(p.Stack.ServiceBus.ConnectionString);
        await using var sender = client.CreateSender(ServiceBusNames.NotificationsTopic);
        await sender.SendMessageAsync(new ServiceBusMessage("not json")
        {
            MessageId = "telemetry-malformed",
            ApplicationProperties = { [MessageProperties.Channel] = Channels.Email },
        });
    }

    /// <summary>The latest cumulative value of a counter (or a histogram's count) over the points with these tags.</summary>
    private double Sum(string name, params (string Key, string Value)[] tags)
    {
        var snapshot = p.Metrics.LastOrDefault(m => m.Name == name);
        if (snapshot is null)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var point in snapshot.MetricPoints)
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
            {
                sum += snapshot.MetricType switch
                {
                    MetricType.LongSum => point.GetSumLong(),
                    MetricType.Histogram => point.GetHistogramCount(),
                    _ => point.GetSumDouble(),
                };
            }
        }

        return sum;
    }

    /// <summary>The usual pipeline stack with the in-memory exporters added to the app's own OpenTelemetry providers.</summary>
    public sealed class Stack : PipelineStack
    {
        public List<Activity> Spans { get; } = [];

        public List<MetricSnapshot> Metrics { get; } = [];

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics));
        }
    }
}
