using Alerts.Core.Concentration;
using Alerts.Core.Rules;

namespace Alerts.Core.Tests.Rules;

public sealed class MetricCatalogTests
{
    // DOMAIN.md 5, 2022: China 40, Malaysia 31, Russia 25, USA 2, Japan 2.
    private static readonly ConcentrationIndices Eu2022 = ConcentrationCalculator.Compute(
        [new("CN", 40), new("MY", 31), new("RU", 25), new("US", 2), new("JP", 2)]);

    [Theory]
    [InlineData("hhi", 3194)] // percentage HHI
    [InlineData("HHI", 3194)] // names are case-insensitive
    [InlineData("hhiFraction", 0.3194)] // fraction HHI
    [InlineData("hhiNormalized", 0.14925)] // (0.3194 - 0.2) / 0.8
    [InlineData("cr1", 0.40)] // China
    [InlineData("cr3", 0.96)] // China + Malaysia + Russia
    [InlineData("equivalentSuppliers", 3.1309)] // 10000 / 3194
    [InlineData("entropy", 1.2326)] // published figure
    [InlineData("suppliers", 5)] // five partners
    public void Read_KnownMetric_ReturnsTheIndex(string metric, double expected)
    {
        Assert.Equal(expected, MetricCatalog.Default.Read(metric, Eu2022), 1e-4);
    }

    [Fact]
    public void Read_UnknownMetric_ThrowsListingKnownMetrics()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => MetricCatalog.Default.Read("cr2", Eu2022));

        Assert.Contains("'cr2'", e.Message, StringComparison.Ordinal);
        Assert.Contains("cr1, cr3, entropy, equivalentSuppliers, expEntropy, hhi, hhiFraction, hhiNormalized, suppliers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NewMetric_IsReadable()
    {
        var catalog = new MetricCatalog().Add("top2", "two largest shares", i => i.TopSuppliers.Take(2).Sum(s => s.Share), 1);

        Assert.Equal(0.71, catalog.Read("top2", Eu2022), 10);
        Assert.Throws<ArgumentException>(() => catalog.Add("TOP2", "again", _ => 0));
    }
}
