using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;
using Alerts.TestKit.Samples;

namespace Alerts.Pull.Tests;

/// <summary>
/// The default scope is every catalog code, and the replay recordings (what <c>demo</c> and <c>serve</c> pull) answer
/// each of them; where samples/README.md marks a figure as published, the sample carries it.
/// </summary>
public sealed class DefaultScopeSampleTests
{
    [Fact]
    public void DefaultProducts_EveryCatalogCodeOnce()
    {
        var products = PullOptions.DefaultProducts;

        Assert.Equal(58, products.Count); // 59 codes in the catalog, lithium-ion cells (850760) shared by lithium and graphite
        Assert.Equal(products.Count, products.Distinct().Count());
        Assert.Contains("81129289", products);
        Assert.Contains("252800", products);
        Assert.DoesNotContain("811292", products); // the HS6 of the first samples covers several metals: not a catalog code
        Assert.Equal(products, new PullOptions().EffectiveProducts);
    }

    [Fact]
    public void ReplayRecordings_EveryDefaultProduct_SixYearsOfImportsFromTheComextAnswer()
    {
        foreach (var product in PullOptions.DefaultProducts)
        {
            var data = TradeDataReader.ReadFile(SampleFiles.Get($"replay/comext/{product}.json"));

            Assert.All(data.Observations, o => Assert.Equal((product, TradeFlow.Import, "EU27_2020"), (o.Product, o.Flow, o.Reporter)));
            Assert.Equal(Enumerable.Range(2019, 6).Select(Period.Annual), data.Observations.Select(o => o.Period).Distinct().Order());
        }
    }

    // Published shares the samples match (samples/README.md): code, year, partner, share of third-country imports by weight.
    [Theory]
    [InlineData("284690", 2024, "CN", 0.463)] // rare earths 2024, Eurostat news release 2025-04-09
    [InlineData("284690", 2022, "CN", 0.40)]
    [InlineData("252800", 2024, "TR", 0.99)] // borates ~99% Turkiye
    [InlineData("711011", 2024, "ZA", 0.71)] // platinum ~71% South Africa
    [InlineData("81129289", 2023, "CN", 0.71)] // gallium ~71% China (2023)
    [InlineData("81129295", 2023, "CN", 0.45)] // germanium ~45% China (2023)
    public void ReplayRecordings_PublishedShare_SampleCarriesIt(string product, int year, string partner, double share)
    {
        var data = TradeDataReader.ReadFile(SampleFiles.Get($"replay/comext/{product}.json"));
        var third = PartnerScope.Filter(data.Observations.Where(o => o.Period == Period.Annual(year) && o.QuantityKg is not null)).ToList();

        var actual = (double)(third.Single(o => o.Partner == partner).QuantityKg!.Value / third.Sum(o => o.QuantityKg!.Value));

        Assert.Equal(share, actual, 3);
    }

    [Fact]
    public void ReplayRecordings_Magnesium2024_MainPartnerAboveSeventyPercent()
    {
        foreach (var product in new[] { "810411", "810419" })
        {
            var data = TradeDataReader.ReadFile(SampleFiles.Get($"replay/comext/{product}.json"));
            var third = PartnerScope.Filter(data.Observations.Where(o => o.Period == Period.Annual(2024))).ToList();
            var top = third.MaxBy(o => o.QuantityKg)!;

            Assert.Equal("CN", top.Partner);
            Assert.True(top.QuantityKg!.Value / third.Sum(o => o.QuantityKg ?? 0) > 0.70m, product);
        }
    }
}
