using Alerts.Compute.SupplyRisk;

namespace Alerts.Compute.Tests.SupplyRisk;

public sealed class WgiTableTests
{
    [Theory]
    [InlineData(2.5, 0)] // best governance
    [InlineData(-2.5, 10)] // worst
    [InlineData(0, 5)] // middle
    [InlineData(-3, 10)] // beyond the range: clamped
    public void Rescale_Estimate_MapsOntoZeroToTenWorstHigh(double estimate, double expected) =>
        Assert.Equal(expected, WgiTable.Rescale(estimate), 12);

    [Fact]
    public void Shipped_PoliticalStability_HasSourceVintageAndDomainValues()
    {
        var t = WgiTable.Shipped;

        Assert.Equal("World Bank WGI, CC BY 4.0", t.Source);
        Assert.Contains("2024", t.Vintage, StringComparison.Ordinal);
        Assert.Contains("political stability", t.Dimension, StringComparison.Ordinal);
        Assert.True(t.TryGetEstimate("CD", 2021, out var cd, out var year));
        Assert.Equal((-1.658, 2021), (cd, year));
        Assert.True(t.TryGetEstimate("NO", 2030, out var no, out year)); // later year: latest available
        Assert.Equal((0.861, 2022), (no, year));
        Assert.True(t.TryGetEstimate("TR", 2010, out _, out year)); // earlier year: earliest available
        Assert.Equal(2020, year);
        Assert.False(t.TryGetEstimate("XX", 2022, out _, out _));
    }

    [Fact]
    public void ParseOperatorFile_ProvenanceComments_AreRecorded()
    {
        var t = WgiTable.ParseOperatorFile("# source: World Bank WGI 2025 release\n# vintage: 2025-09\n# dimension: average of six\ncountry,year,estimate\nCN,2024,-0.5\n", "/etc/wgi.csv");

        Assert.Equal(("World Bank WGI 2025 release", "2025-09", "average of six"), (t.Source, t.Vintage, t.Dimension));
        Assert.True(t.TryGetEstimate("CN", 2024, out var cn, out _));
        Assert.Equal(-0.5, cn);
    }

    [Theory]
    [InlineData("country,year,estimate\nCN,2024,0.1\n", "no '# vintage")] // provenance missing
    [InlineData("# vintage: 2025\ncountry,year,estimate\nCN,2024,x\n", "line 3: estimate")] // bad estimate after the comments
    public void ParseOperatorFile_BadInput_ErrorNamesFileAndWhat(string content, string expected)
    {
        var e = Assert.Throws<FormatException>(() => WgiTable.ParseOperatorFile(content, "wgi.csv"));
        Assert.Contains("wgi.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("country,year\nCN,2022\n", "line 1")] // wrong header
    [InlineData("country,year,estimate\nCN,20x2,0.1\n", "line 2: year")] // bad year
    [InlineData("country,year,estimate\nCN,2022,nine\n", "line 2: estimate")] // bad estimate
    [InlineData("", "empty")] // nothing
    public void Parse_BadInput_ErrorNamesFileAndLine(string content, string expected)
    {
        var e = Assert.Throws<FormatException>(() => WgiTable.Parse(new StringReader(content), "wgi.csv", "s", "v", "d"));
        Assert.Contains("wgi.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
