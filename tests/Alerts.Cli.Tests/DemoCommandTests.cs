using System.Text.Json;
using Alerts.Cli.Commands;

namespace Alerts.Cli.Tests;

/// <summary><c>alerts demo --json</c>: breaches delivered by email and Teams, and the same result on a second run.</summary>
[Collection(PipelineCollection.Name)]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task RunAsync_TwiceInARow_DeliversBothChannelsWithTheSameResult()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.GetProperty("deliveries").GetProperty("email").GetInt32() > 0);
        Assert.True(first.GetProperty("deliveries").GetProperty("teams").GetInt32() > 0);
        Assert.Contains(first.GetProperty("breaches").EnumerateArray(), b => b.GetProperty("rule").GetString() == "crma-single-country");
        Assert.Equal(Summary(first), Summary(second));
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
