using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Deliver.Rendering;
using Alerts.DevStack.Smtp;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Platform.Storage;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Bus;
using Alerts.TestKit.Events;
using Alerts.TestKit.Storage;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Tests.Delivery;

/// <summary>
/// The window between sending and recording: a storage error injected at an exact write (real Azurite behind an SDK
/// pipeline policy), the real loopback Service Bus and the real SMTP sink.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PendingAttemptTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Recipient = "desk@supply-risk.example.com";
    private BusFixture _bus = null!;
    private SmtpSink _sink = null!;

    public async Task InitializeAsync()
    {
        _bus = await BusFixture.StartAsync();
        _sink = await SmtpSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        await _bus.DisposeAsync();
    }

    [Fact]
    public async Task Deliver_StorageFailsRecordingTheAttempt_NothingSentThenSentOnceOnRedelivery()
    {
        // Insert 1 into the deliveries table is the first thing written for the notification: with the attempt
        // recorded before the send, its failure abandons the message before anything went out.
        var (service, history, _, notification) = await ArrangeAsync(failInsert: 1);

        var summary = await service.RunAsync(Channels.Email, CancellationToken.None);

        var mail = Assert.Single(_sink.Messages.Snapshot());
        Assert.Equal(notification.NotificationId + "@alerts.example.com", mail.Message.MessageId);
        Assert.Equal((1, 1), (summary.Abandoned, summary.Completed)); // abandoned once, redelivered within the run
        var attempts = await history.ListAsync(notification.NotificationId, CancellationToken.None).ToListAsync();
        Assert.Equal([(1, DeliveryStatus.Pending), (1, DeliveryStatus.Delivered)], attempts.Select(a => (a.Attempt, a.Outcome)));
    }

    [Fact]
    public async Task Deliver_StorageFailsBetweenSendAndRecord_ResentWithTheSameMessageIdAndTheUnknownOutcomeRecorded()
    {
        // Insert 2 is the outcome of the first send: the mail went out, its record did not.
        var (service, history, logs, notification) = await ArrangeAsync(failInsert: 2);

        var summary = await service.RunAsync(Channels.Email, CancellationToken.None);

        // At-least-once: sent twice, recognisably the same message.
        var mails = _sink.Messages.Snapshot();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal(notification.NotificationId + "@alerts.example.com", m.Message.MessageId));
        Assert.Equal((1, 1), (summary.Abandoned, summary.Completed));
        var attempts = await history.ListAsync(notification.NotificationId, CancellationToken.None).ToListAsync();
        Assert.Equal(
            [(1, DeliveryStatus.Pending), (2, DeliveryStatus.Pending), (2, DeliveryStatus.Delivered)],
            attempts.Select(a => (a.Attempt, a.Outcome)));
        Assert.Contains("the outcome of attempt 1 is unknown", attempts[1].Detail, StringComparison.Ordinal);
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains("the outcome of attempt 1 was never recorded", StringComparison.Ordinal));
    }

    private async Task<(DeliveryService Service, DeliveryHistoryStore History, FakeLogCollector Logs, Notification Notification)> ArrangeAsync(int failInsert)
    {
        var account = await azurite.CreateAccountAsync();
        var policy = new FailingStoragePolicy(account.NamePrefix + StorageNames.DeliveriesTable, failInsert);
        var tableOptions = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(10) } };
        tableOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var faulty = new StorageAccount(new TableServiceClient(azurite.ConnectionString, tableOptions), new BlobServiceClient(azurite.ConnectionString), account.NamePrefix);

        var notification = TestNotifications.For(Channels.Email, Recipient);
        var subscriptions = new SubscriptionStore<Subscription>(account);
        await subscriptions.CreateAsync(
            new Subscription(notification.SubscriptionId, "oid:desk", Channels.Email, Recipient, new SubscriptionFilter([], [], [], Severity.Warning, [AlertState.Firing]), GroupBy.Commodity, TimeSpan.FromHours(24), TestNotifications.Now),
            CancellationToken.None);
        await using (var sender = _bus.Client.CreateSender(ServiceBusNames.NotificationsTopic))
        {
            await sender.SendMessageAsync(NotificationPublisher.CreateMessage(notification));
        }

        var email = new EmailOptions { Host = _sink.Host, Port = _sink.Port, From = "alerts@alerts.example.com", Security = SecureSocketOptions.None, Timeout = TimeSpan.FromSeconds(10) };
        var notifier = new EmailNotifier(Options.Create(email), new EmailRenderer(new RenderingOptions { PublicBaseUrl = "https://alerts.example.com" }), _bus.Clock, NullLogger<EmailNotifier>.Instance);
        var logger = new FakeLogger<DeliveryService>();
        var history = new DeliveryHistoryStore(faulty);
        var service = new DeliveryService(
            [notifier],
            new SubscriptionDrain(_bus.Client, _bus.Clock, NullLogger<SubscriptionDrain>.Instance),
            history,
            new EndpointHealthStore(account),
            subscriptions,
            Options.Create(new DrainOptions { ReceiveWait = TimeSpan.FromMilliseconds(300) }),
            Options.Create(new DeliveryOptions()),
            _bus.Clock,
            logger);
        return (service, history, logger.Collector, notification);
    }
}
