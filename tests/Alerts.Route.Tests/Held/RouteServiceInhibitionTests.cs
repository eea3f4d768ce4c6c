using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Inhibition;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;
using Alerts.Route.Notifications;
using Alerts.TestKit.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Tests.Held;

/// <summary>
/// Inhibition from evaluation to notification on one fake clock: the real <see cref="EvaluateStep"/> (Azurite alerts
/// table, the default inhibition rule) publishes to the loopback bus, the real <see cref="Routing.RouteService"/> routes.
/// The critical rule is the CRMA default (cr1 above 65%); the warning is "fewer than 3 suppliers", so it can fire and
/// resolve on its own while the critical fires.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RouteServiceInhibitionTests(AzuriteFixture azurite)
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    private static readonly Rule FewSuppliers = new(
        "few-suppliers", "Fewer than 3 suppliers", "suppliers", ComparisonOperator.LessThan, 3, Severities.Warning, Basis.Weight, TradeFlow.Import);

    // The four shapes of supply: which of the two alerts each makes fire.
    private static readonly (string, decimal)[] WarningOnly = [("CN", 50), ("JP", 50)];
    private static readonly (string, decimal)[] Both = [("CN", 70), ("JP", 30)];
    private static readonly (string, decimal)[] CriticalOnly = [("CN", 70), ("JP", 10), ("US", 10), ("DE", 10)];
    private static readonly (string, decimal)[] Neither = [("CN", 25), ("JP", 25), ("US", 25), ("DE", 25)];

    private static string Crma => AlertFingerprint.Compute(DefaultRules.CrmaSingleCountryId, Magnets, Basis.Weight);

    private static string Warning => AlertFingerprint.Compute(FewSuppliers.Id, Magnets, Basis.Weight);

    [Fact]
    public async Task SourceFiresAfterTheTarget_WarningToldFiringThenResolvedWhileTheCriticalFires()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        var evaluate = Step(rig);
        await rig.SubscribeAsync("sub-1");

        Assert.Equal(["few-suppliers:Firing"], await CycleAsync(rig, evaluate, "2024-01", WarningOnly));
        Assert.Equal(["crma-single-country:Firing"], await CycleAsync(rig, evaluate, "2024-02", Both)); // the warning goes on, inhibited
        Assert.Equal([Crma], (await new AlertStore(rig.Account).GetAsync(Magnets, Warning, CancellationToken.None))!.Value.InhibitedBy);

        // The warning resolves while the critical still fires: it was told firing, so it is told resolved.
        Assert.Equal(["few-suppliers:Resolved"], await CycleAsync(rig, evaluate, "2024-03", CriticalOnly));
        Assert.Equal(["crma-single-country:Resolved"], await CycleAsync(rig, evaluate, "2024-04", Neither));
        Assert.Equal(0, await rig.HeldCountAsync());
    }

    [Fact]
    public async Task SourceFiresBeforeTheTarget_WarningHeldAndToldWhenTheCriticalResolves()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        var evaluate = Step(rig);
        await rig.SubscribeAsync("sub-1");

        Assert.Equal(["crma-single-country:Firing"], await CycleAsync(rig, evaluate, "2024-01", CriticalOnly));
        Assert.Empty(await CycleAsync(rig, evaluate, "2024-02", Both)); // the warning fires inhibited: held
        Assert.Equal(1, await rig.HeldCountAsync());
        Assert.Empty(await CycleAsync(rig, evaluate, "2024-02", Both, advance: false)); // still inhibited: still held

        // The critical resolves, the warning still fires: its inhibition lifts and it is told in the same run.
        Assert.Equal(["crma-single-country:Resolved", "few-suppliers:Firing"], await CycleAsync(rig, evaluate, "2024-03", WarningOnly));
        Assert.Equal(0, await rig.HeldCountAsync());
        Assert.Null((await new AlertStore(rig.Account).GetAsync(Magnets, Warning, CancellationToken.None))!.Value.InhibitedBy);
        Assert.Equal(["few-suppliers:Resolved"], await CycleAsync(rig, evaluate, "2024-04", Neither));
    }

    [Fact]
    public async Task FiringTogetherAndResolvingTogether_TheWarningIsNeverTold()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        var evaluate = Step(rig);
        await rig.SubscribeAsync("sub-1");

        Assert.Equal(["crma-single-country:Firing"], await CycleAsync(rig, evaluate, "2024-01", Both));
        Assert.Equal(["crma-single-country:Resolved"], await CycleAsync(rig, evaluate, "2024-02", Neither));
        Assert.Equal(0, await rig.HeldCountAsync());
        Assert.Empty(await CycleAsync(rig, evaluate, "2024-03", Neither));
    }

    [Fact]
    public async Task SourceResolvesFirst_WarningToldBeforeComesOnlyAlongWithTheResolve()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        var evaluate = Step(rig);
        await rig.SubscribeAsync("sub-1");

        Assert.Equal(["few-suppliers:Firing"], await CycleAsync(rig, evaluate, "2024-01", WarningOnly));
        Assert.Equal(["crma-single-country:Firing"], await CycleAsync(rig, evaluate, "2024-02", Both));

        // The critical resolves first; the warning, told firing in January, keeps firing: the resolve is the news, and the
        // group's notification lists the warning as still firing (as it lists any firing alert of the group with a new event).
        Assert.Equal(["crma-single-country:Resolved", "few-suppliers:Firing"], await CycleAsync(rig, evaluate, "2024-03", WarningOnly));
        Assert.Equal(0, await rig.HeldCountAsync());

        // Nothing more to say while nothing changes.
        Assert.Empty(await CycleAsync(rig, evaluate, "2024-03", WarningOnly, advance: false));
    }

    [Fact]
    public async Task InhibitionDisabled_TheWarningIsToldWithTheCritical()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        var evaluate = Step(rig, inhibitions: []);
        await rig.SubscribeAsync("sub-1");

        Assert.Equal(["crma-single-country:Firing", "few-suppliers:Firing"], await CycleAsync(rig, evaluate, "2024-01", Both));
    }

    private static EvaluateStep Step(RoutingRig rig, IReadOnlyList<InhibitionRule>? inhibitions = null) => new(
        new RuleEvaluator([DefaultRules.CrmaSingleCountry, FewSuppliers]),
        new AlertStore(rig.Account),
        new BreachPublisher(rig.Bus.Client, NullLogger<BreachPublisher>.Instance),
        new SeriesCommodities(CommodityCatalog.Default, Options.Create(new PullOptions())),
        rig.Clock,
        NullLogger<EvaluateStep>.Instance,
        new Inhibitor(inhibitions ?? InhibitionRule.Defaults));

    /// <summary>A month later (unless not <paramref name="advance"/>): evaluate <paramref name="period"/> with these suppliers, then one
    /// routing run a minute later; the rule and state of every event notified, in order.</summary>
    private static async Task<IReadOnlyList<string>> CycleAsync(RoutingRig rig, EvaluateStep evaluate, string period, (string Partner, decimal Amount)[] supply, bool advance = true)
    {
        rig.Clock.Advance(advance ? Month : TimeSpan.FromMinutes(5));
        var indices = new SeriesIndices(Magnets, Basis.Weight, Period.Parse(period), ConcentrationCalculator.Compute([.. supply.Select(s => new SupplierAmount(s.Partner, s.Amount))]), "Magnets");
        await evaluate.EvaluateAsync([indices], "v-" + period, "run-" + period, CancellationToken.None);
        var sent = await rig.RouteAsync(TimeSpan.FromMinutes(1));
        return [.. sent.SelectMany(n => n.Events).Select(e => $"{e.RuleId}:{e.State}").Order(StringComparer.Ordinal)];
    }
}
