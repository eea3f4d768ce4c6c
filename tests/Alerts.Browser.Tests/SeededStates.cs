using Alerts.Evaluate.Lifecycle;
using Alerts.Functions.Web;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Browser.Tests;

/// <summary>
/// The sample data fires (rare-earth magnets) and leaves most materials ok, but nothing in it is pending or without
/// data. So, before any page is read, two materials that are ok get an alert row as the lifecycle stores those states,
/// written through the real <see cref="AlertStore"/> on the fixture's Azurite: one pending (a breach waiting out its
/// rule's <c>for</c>) and one marked without data (<c>NoDataAt</c>) on the series that speaks for it. Their rule id
/// names no configured rule, so no run of the pipeline touches them.
/// </summary>
public sealed record SeededStates(string PendingMaterial, string NoDataMaterial)
{
    public const string RuleId = "browser-seed";

    public static async Task<SeededStates> SeedAsync(IServiceProvider services, TimeProvider time)
    {
        // A probe of its own: the app's MaterialOverview keeps what it read for 20 s, and must first read the seeded rows.
        var probe = ActivatorUtilities.CreateInstance<MaterialOverview>(services);
        var rows = await probe.ListAsync(probe.Reporters[0], stage: null, CancellationToken.None);
        var ok = rows.Where(r => r.State == MaterialState.Ok && r.Headline?.Latest is not null).ToList();
        Assert.True(ok.Count >= 2, $"the sample data leaves {ok.Count} materials ok; two are needed");
        var store = services.GetRequiredService<AlertStore>();
        var now = time.GetUtcNow();
        await store.SaveAsync(Record(probe.Reporters[0], ok[0], now) with { State = AlertStatus.Pending, Since = ok[0].Headline!.Latest!.Indices.Period }, null, CancellationToken.None);
        await store.SaveAsync(Record(probe.Reporters[0], ok[1], now) with { NoDataAt = now, LastDataPeriod = ok[1].Headline!.Latest!.Indices.Period }, null, CancellationToken.None);
        return new SeededStates(ok[0].Material.Id, ok[1].Material.Id);
    }

    private static AlertRecord Record(string reporter, MaterialRow row, DateTimeOffset now)
    {
        var headline = row.Headline!;
        var series = new SeriesKey(reporter, headline.Product, TradeFlow.Import);
        return new AlertRecord(
            AlertFingerprint.Compute(RuleId, series, Basis.Weight), RuleId, reporter, headline.Product, TradeFlow.Import, Basis.Weight,
            "cr1", "warning", row.Material.Name, AlertStatus.Inactive, headline.Latest!.Indices.Period, headline.Cr1, 0.65, headline.Latest.Vintage,
            null, null, null, new Dictionary<Period, AlertedPeriod>(), now, RuleId);
    }
}
