using Alerts.Core.Concentration;

namespace Alerts.Core.Tests.Concentration;

public sealed class ConcentrationCalculatorTests
{
    [Fact]
    public void Compute_Eu2022RareEarths_MatchesPublishedFigures()
    {
        // DOMAIN.md 5: 2022 shares China 40, Malaysia 31, Russia 25, USA 2, Japan 2 (percent of weight).
        var result = ConcentrationCalculator.Compute(
        [
            new("CN", 40), new("MY", 31), new("RU", 25), new("US", 2), new("JP", 2),
        ]);

        Assert.Equal(3194, result.Hhi, 6);
        Assert.Equal(0.149, result.HhiNormalized, 3);
        Assert.Equal(3.13, result.EquivalentSuppliers, 2);
        Assert.Equal(1.2326, result.Entropy, 4);
        Assert.Equal(0.40, result.Cr1, 10);
        Assert.Equal(0.96, result.Cr3, 10);
        Assert.Equal("CN", result.TopSupplier);
    }
}
