using System.Globalization;
using System.Text.Json.Nodes;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.DevStack.Replay;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Alerts.TestKit.Samples;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// A new Comext vintage that revises one figure: only that series is recomputed, and the alert that had fired
/// on the revised period says what changed (old and new value, old and new vintage).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class RevisionTests(PipelineStack p) : IClassFixture<PipelineStack>
{
    [Fact]
    public async Task Pull_NewVintageRevisesOneFigure_RecomputesThatSeriesAndEventCarriesOldAndNew()
    {
        var pull = p.Pipeline.Get<PullService>();
        var first = await pull.RunAsync(PullScope.All, force: false, CancellationToken.None);
        var fired = Assert.Single(first.Events, e => e.Commodity == "850511" && e.RuleId == DefaultRules.CrmaSingleCountryId);

        // The rules see each period with its change against the year before (the first year has none).
        var magnets = first.Indices.Where(i => i.Series.Product == "850511" && i.Basis == Basis.Weight).OrderBy(i => i.Period).ToList();
        Assert.True(magnets.Count > 1);
        Assert.Null(magnets[0].ChangeFromPrevious);
        foreach (var (before, now) in magnets.Zip(magnets.Skip(1)))
        {
            Assert.Equal(before.Period, now.ChangeFromPrevious!.Value.Against);
            Assert.Equal(now.Indices.Hhi - before.Indices.Hhi, now.ChangeFromPrevious.Value.Hhi, 9);
            Assert.Equal(now.ChangeFromPrevious, now.ChangeFromYearAgo); // annual data
        }

        // The revised release: China's 2024 magnet imports 20% higher, published later.
        var revised = JsonNode.Parse(File.ReadAllText(SampleFiles.Get("comext/850511.json")))!;
        var cell = ChinaQuantity2024(revised);
        var value = revised["value"]![cell]!.GetValue<decimal>();
        revised["value"]![cell] = value * 1.2m;
        revised["updated"] = "2026-04-15T11:00:00+0200";
        p.Stack.Replay.InjectFault(ReplayFault.WithStatus(200, revised.ToJsonString()), times: 1, when: r => r.QueryValue("product") == "850511");

        p.Clock.Advance(TimeSpan.FromDays(1));
        var second = await pull.RunAsync(PullScope.All, force: false, CancellationToken.None);

        // Only 850511 is recomputed (it stands in for the rare-earths downstream stage; no commodity series sums it).
        string[] revisedSeries = ["850511"];
        Assert.All(second.Products, o => Assert.Equal(revisedSeries.Contains(o.Product) ? ProductStatus.Fetched : ProductStatus.Unchanged, o.Status));
        Assert.All(second.Indices, i => Assert.Contains(i.Series.Product, revisedSeries));

        var revision = Assert.Single(second.Events, e => e.Fingerprint == fired.Fingerprint);
        Assert.Equal(["rare-earths"], revision.CommodityIds);
        Assert.Equal(AlertState.Firing, revision.State);
        Assert.NotNull(revision.Revision);
        Assert.Equal("2024", revision.Revision.Period);
        Assert.Equal(fired.Value, revision.Revision.OldValue, 12);
        Assert.True(revision.Revision.NewValue > revision.Revision.OldValue);
        Assert.Equal(revision.Value, revision.Revision.NewValue, 12);
        Assert.NotEqual(revision.Revision.OldVintage, revision.Revision.NewVintage);
        Assert.NotEqual(fired.EventId, revision.EventId);

        // Raw payloads of the runs that brought new data are archived as served; unchanged ones are not re-archived.
        var archive = p.Pipeline.Get<RawArchive>();
        var day1 = DateOnly.FromDateTime(first.StartedAt.UtcDateTime);
        var day2 = DateOnly.FromDateTime(second.StartedAt.UtcDateTime);
        var original = await archive.ReadAsync(RawArchive.BlobName("comext", day1, first.RunId, "850511"), CancellationToken.None);
        Assert.Equal(File.ReadAllBytes(SampleFiles.Get("replay/comext/850511.json")), original);
        var archivedRevision = await archive.ReadAsync(RawArchive.BlobName("comext", day2, second.RunId, "850511"), CancellationToken.None);
        Assert.Contains("2026-04-15", System.Text.Encoding.UTF8.GetString(archivedRevision), StringComparison.Ordinal);
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => archive.ReadAsync(RawArchive.BlobName("comext", day2, second.RunId, "280530"), CancellationToken.None));
    }

    // JSON-stat `value` is keyed by the row-major index over `id`/`size` (last dimension fastest).
    private static string ChinaQuantity2024(JsonNode doc)
    {
        var ids = doc["id"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var sizes = doc["size"]!.AsArray().Select(n => n!.GetValue<int>()).ToList();
        var wanted = new Dictionary<string, string> { ["partner"] = "CN", ["indicators"] = ComextIndicators.QuantityIn100Kg, ["time"] = "2024" };
        var index = 0;
        for (var d = 0; d < ids.Count; d++)
        {
            var position = wanted.TryGetValue(ids[d], out var code) ? doc["dimension"]![ids[d]]!["category"]!["index"]![code]!.GetValue<int>() : 0;
            index = (index * sizes[d]) + position;
        }

        return index.ToString(CultureInfo.InvariantCulture);
    }
}
