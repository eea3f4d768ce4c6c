using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

using Alerts.TestKit.Samples;

namespace Alerts.Compute.Tests.Engine;

public sealed class PeriodIndicesTests
{
    [Fact]
    public void Compute_RareEarthSample_MatchesPublishedFigures()
    {
        var data = TradeDataReader.ReadFile(SampleFiles.Get("comext/284690.json"));

        var rows = PeriodIndices.Compute(data.Observations, Basis.Weight).ToDictionary(r => r.Period);

        // Published 2022 (samples/README.md): CN 40, MY 31, RU 25, US 2, JP 2 of 18 000 t; member states and aggregates excluded.
        var y2022 = rows[Period.Annual(2022)].Indices;
        Assert.Equal(18_000_000m, y2022.Total);
        Assert.Equal(3194, y2022.Hhi, 6);
        Assert.Equal(0.149, y2022.HhiNormalized, 3);
        Assert.Equal(1.2326, y2022.Entropy, 4);
        Assert.Equal(0.96, y2022.Cr3, 9);
        // 2024: 12 900 t, CR1 46.3% (below 65%), CR3 94.6%, HHI within the published bounds.
        var y2024 = rows[Period.Annual(2024)].Indices;
        Assert.Equal(12_900_000m, y2024.Total);
        Assert.Equal("CN", y2024.TopSupplier);
        Assert.Equal(0.463, y2024.Cr1, 9);
        Assert.Equal(0.946, y2024.Cr3, 9);
        Assert.InRange(y2024.Hhi, 3346.3, 3375.4);
    }

    [Theory]
    [InlineData("comext/850511.json", true)] // magnets ~90% China
    [InlineData("comext/811292.json", true)] // gallium ~71% China
    [InlineData("comext/284690.json", false)] // rare-earth compounds 46%
    [InlineData("comext/280530.json", false)] // rare-earth metals
    public void Compute_Samples_BreachSixtyFivePercentAsDesigned(string sample, bool breaches)
    {
        var data = TradeDataReader.ReadFile(SampleFiles.Get(sample));

        var latest = PeriodIndices.Compute(data.Observations, Basis.Weight).MaxBy(r => r.Period)!;

        Assert.Equal(breaches, latest.Indices.Cr1 > 0.65);
    }
}
