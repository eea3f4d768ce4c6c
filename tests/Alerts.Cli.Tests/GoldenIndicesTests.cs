using System.Text.Json;
using Alerts.Cli.Commands;
using Alerts.TestKit.Samples;

namespace Alerts.Cli.Tests;

/// <summary>The published figures listed in samples/README.md through <c>alerts indices</c> on the golden sample files.</summary>
public sealed class GoldenIndicesTests
{
    [Fact]
    public async Task RunAsync_Golden2022_MatchesPublishedIndices()
    {
        var row = await WeightRowAsync("golden/eu-ree-imports-2022.csv", "2022");

        Assert.Equal(3194, row.GetProperty("hhi").GetDouble(), 6);
        Assert.Equal(0.149, row.GetProperty("hhiNormalized").GetDouble(), 3);
        Assert.Equal(3.13, row.GetProperty("equivalentSuppliers").GetDouble(), 2);
        Assert.Equal(1.2326, row.GetProperty("entropy").GetDouble(), 4);
        Assert.Equal(0.40, row.GetProperty("cr1").GetDouble(), 10);
        Assert.Equal(0.96, row.GetProperty("cr3").GetDouble(), 10);
        Assert.Equal("CN", row.GetProperty("topSupplier").GetString());
        Assert.Equal(5, row.GetProperty("suppliers").GetInt32());
    }

    [Fact]
    public async Task RunAsync_Golden2024_HhiWithinPublishedBounds()
    {
        var row = await WeightRowAsync("golden/eu-ree-imports-2024.csv", "2024");

        Assert.InRange(row.GetProperty("hhi").GetDouble(), 3346.3, 3375.4);
        Assert.Equal(0.946, row.GetProperty("cr3").GetDouble(), 10);
        Assert.Equal(0.463, row.GetProperty("cr1").GetDouble(), 10);
        Assert.Equal("CN", row.GetProperty("topSupplier").GetString());
    }

    private static async Task<JsonElement> WeightRowAsync(string sample, string period)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await IndicesCommand.RunAsync(["--input", SampleFiles.Get(sample), "--format", "json", "--basis", "weight"], stdout, stderr, CancellationToken.None);
        Assert.True(code == 0, stderr.ToString());
        using var doc = JsonDocument.Parse(stdout.ToString());
        return doc.RootElement.EnumerateArray().Single(r => r.GetProperty("period").GetString() == period && r.GetProperty("flow").GetString() == "import").Clone();
    }
}
