using System.Text.Json;
using Alerts.Cli.Commands;
using Alerts.Pull;
using Alerts.Pull.Catalog;

namespace Alerts.Cli.Tests;

/// <summary><c>alerts demo --json</c>: every catalog code pulled, breaches delivered by email and Teams, and the same result on a second run.</summary>
[Collection(PipelineCollection.Name)]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task RunAsync_TwiceInARow_DeliversBothChannelsWithTheSameResultForAllSeventeenMaterials()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.GetProperty("deliveries").GetProperty("email").GetInt32() > 0);
        Assert.True(first.GetProperty("deliveries").GetProperty("teams").GetInt32() > 0);
        Assert.Contains(first.GetProperty("breaches").EnumerateArray(), b => b.GetProperty("rule").GetString() == "crma-single-country");
        Assert.Equal(Summary(first), Summary(second));
        AssertDefaultScope(first);
    }

    // The demo runs the default scope: every catalog code fetched, the 17 materials covered.
    private static void AssertDefaultScope(JsonElement demo)
    {
        var products = demo.GetProperty("products").EnumerateArray().ToList();
        Assert.All(products, p => Assert.Equal("fetched", p.GetProperty("status").GetString()));
        Assert.Equal(
            PullOptions.DefaultProducts.Order(StringComparer.Ordinal),
            products.Where(p => p.GetProperty("commodity").ValueKind == JsonValueKind.Null).Select(p => p.GetProperty("product").GetString()!).Order(StringComparer.Ordinal));
        // Every product and series says which catalog commodities it covers; together they are the 17 materials.
        var covered = products.SelectMany(p => p.GetProperty("commodityIds").EnumerateArray().Select(c => c.GetString()!)).ToHashSet();
        Assert.Equal(CommodityCatalog.Default.Commodities.Select(c => c.Id).Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
        Assert.Contains(products, p => p.GetProperty("product").GetString() == "850760"
                                       && p.GetProperty("commodityIds").EnumerateArray().Select(c => c.GetString()).Order().SequenceEqual(["graphite", "lithium"]));
        // The published borate dependency (~99% Turkiye) breaches the CRMA benchmark.
        Assert.Contains(demo.GetProperty("breaches").EnumerateArray(), b => b.GetProperty("commodity").GetString() == "252800" && b.GetProperty("topSupplier").GetString() == "TR");
    }

    private static async Task<JsonElement> RunAsync()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await DemoCommand.RunAsync(["--json"], stdout, stderr, CancellationToken.None);
        Assert.True(code == 0, stderr.ToString());
        using var doc = JsonDocument.Parse(stdout.ToString());
        return doc.RootElement.Clone();
    }

    // Everything but run ids and timestamps: breaches, delivery counts and subjects.
    private static string Summary(JsonElement demo) => string.Join("\n",
        demo.GetProperty("breaches").EnumerateArray().Select(b => $"{b.GetProperty("rule")} {b.GetProperty("commodity")} {b.GetProperty("period")} {b.GetProperty("value")}")
            .Concat(demo.GetProperty("messages").EnumerateArray().Select(m => $"{m.GetProperty("channel")} {m.GetProperty("subject")}").Order(StringComparer.Ordinal))
            .Append(demo.GetProperty("deliveries").ToString()));
}
