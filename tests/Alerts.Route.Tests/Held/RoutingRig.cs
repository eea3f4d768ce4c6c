using Alerts.Evaluate.Breaches;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Platform.Storage;
using Alerts.Route.Digests;
using Alerts.Route.Grouping;
using Alerts.Route.Held;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Outbox;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Bus;
using Alerts.TestKit.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Route.Tests.Held;

/// <summary>
/// The real <see cref="RouteService"/> on Azurite tables and the loopback Service Bus, all on one fake clock: breaches
/// go in through the real publisher, each routing run drains them as the timer would, notifications are read back from
/// <c>notifications/email</c>.
/// </summary>
internal sealed class RoutingRig : IAsyncDisposable
{
    private readonly BusFixture bus;
    private readonly BreachPublisher breaches;
    private readonly NotificationPublisher notifications;

    private RoutingRig(BusFixture bus, StorageAccount account, IReadOnlyList<Silence> configured)
    {
        this.bus = bus;
        Account = account;
        breaches = new BreachPublisher(bus.Client, NullLogger<BreachPublisher>.Instance);
        notifications = new NotificationPublisher(bus.Client, NullLogger<NotificationPublisher>.Instance);
        Silences = new SilenceStore(account);
        Held = new HeldNotificationStore(account);
        Subscriptions = new SubscriptionStore<Subscription>(account);
        Groups = new HeldGroupStore(account);
        Outbox = new OutboxStore(account);
        var groups = new GroupHold(Groups, notifications, NullLogger<GroupHold>.Instance);
        Service = new RouteService(
            new SubscriptionDrain(bus.Client, bus.Clock, NullLogger<SubscriptionDrain>.Instance),
            Subscriptions,
            new NotificationLogStore(account),
            groups,
            new SilenceProvider(Options.Create(new ConfiguredSilences { Silences = configured }), Silences),
            new HeldNotifications(Held, new NotificationLogStore(account), groups, NullLogger<HeldNotifications>.Instance),
            new NotificationOutbox(Outbox, new NotificationLogStore(account), groups, NullLogger<NotificationOutbox>.Instance),
            Options.Create(new DrainOptions { ReceiveWait = TimeSpan.FromMilliseconds(300), TimeBudget = TimeSpan.FromMinutes(1) }),
            bus.Clock,
            NullLogger<RouteService>.Instance);
    }

    /// <summary>2026-12-01 06:00 UTC (a Tuesday) at the start.</summary>
    public FakeTimeProvider Clock => bus.Clock;

    public StorageAccount Account { get; }

    /// <summary>The loopback bus, for a step that publishes breaches itself.</summary>
    public BusFixture Bus => bus;

    public SilenceStore Silences { get; }

    public HeldNotificationStore Held { get; }

    public SubscriptionStore<Subscription> Subscriptions { get; }

    public HeldGroupStore Groups { get; }

    public OutboxStore Outbox { get; }

    public NotificationPublisher Notifications => notifications;

    public RouteService Service { get; }

    public static async Task<RoutingRig> StartAsync(AzuriteFixture azurite, IReadOnlyList<Silence>? configured = null) =>
        new(await BusFixture.StartAsync(), await azurite.CreateAccountAsync(), configured ?? []);

    /// <summary>A rig whose table requests pass through <paramref name="tablePolicy"/> (fault injection on the real client).</summary>
    public static async Task<RoutingRig> StartAsync(AzuriteFixture azurite, HttpPipelinePolicy tablePolicy)
    {
        var account = await azurite.CreateAccountAsync();
        var options = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(10) } };
        options.AddPolicy(tablePolicy, HttpPipelinePosition.PerRetry);
        var failing = new StorageAccount(new TableServiceClient(azurite.ConnectionString, options), account.Blobs, account.NamePrefix);
        return new(await BusFixture.StartAsync(), failing, []);
    }

    /// <summary>An active email subscription of <paramref name="owner"/> to everything, grouped by commodity.</summary>
    public async Task<Subscription> SubscribeAsync(string id, string owner = "aad|alice", IReadOnlyList<MuteWindow>? muteWindows = null)
    {
        var s = new Subscription(id, owner, Channels.Email, $"{id}@example.eu", SubscriptionFilter.Everything, GroupBy.Commodity, TimeSpan.FromHours(24), Clock.GetUtcNow())
        {
            MuteWindows = muteWindows,
        };
        await Subscriptions.CreateAsync(owner, id, s, CancellationToken.None);
        return s;
    }

    public Task SilenceAsync(string id, TimeSpan from, TimeSpan to, string product = "85051110", string owner = "aad|alice", SilenceScope scope = SilenceScope.Owner) =>
        Silences.CreateAsync(
            new Silence(id, [new SilenceMatcher(SilenceMatcherNames.Product, product)], Clock.GetUtcNow() + from, Clock.GetUtcNow() + to, scope, owner),
            CancellationToken.None);

    public Task PublishAsync(params AlertEvent[] events) => breaches.PublishAsync(events, CancellationToken.None);

    /// <summary>Moves the clock on by <paramref name="by"/>, then one routing run; returns the notifications it published.</summary>
    public async Task<IReadOnlyList<Notification>> RouteAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Service.RunAsync(CancellationToken.None);
        return await ReceiveAsync();
    }

    /// <summary>Moves the clock on by <paramref name="by"/>, then one run of the digest timer; returns what it published.</summary>
    public async Task<IReadOnlyList<Notification>> DigestAsync(TimeSpan by)
    {
        Clock.Advance(by);
        var digests = new DigestService(Subscriptions, Groups, Held, new AlertStore(Account), notifications, Clock, NullLogger<DigestService>.Instance);
        await digests.RunAsync(CancellationToken.None);
        return await ReceiveAsync();
    }

    /// <summary>The notifications on <c>notifications/email</c> (the sink), removed from it.</summary>
    public async Task<IReadOnlyList<Notification>> ReceiveAsync()
    {
        var messages = await bus.ReceiveAllAsync(ServiceBusNames.NotificationsTopic, ServiceBusNames.EmailSubscription, 50);
        return [.. messages.Select(m => MessageJson.Deserialize<Notification>(m.Body))];
    }

    public async Task<int> HeldCountAsync()
    {
        var count = 0;
        await foreach (var _ in Held.ListAllAsync(CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await breaches.DisposeAsync();
        await notifications.DisposeAsync();
        await bus.DisposeAsync();
    }
}
