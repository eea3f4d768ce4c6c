using Alerts.Compute.Series;

using Alerts.Evaluate.Rules;

namespace Alerts.Evaluate.Tests.Rules;

public sealed class ComparisonOperatorsTests
{
    [Theory]
    [InlineData(">", 0.66, 0.65, true)] // above
    [InlineData(">", 0.65, 0.65, false)] // equal is not above
    [InlineData(">=", 0.65, 0.65, true)] // equal counts
    [InlineData("<", 2, 3, true)] // below
    [InlineData("<", 3, 3, false)] // equal is not below
    [InlineData("<=", 3, 3, true)] // equal counts
    [InlineData(">", double.NaN, 0, false)] // NaN never holds
    [InlineData("<=", double.NaN, 0, false)] // NaN never holds
    public void Holds_ValueAndThreshold_ComparesAsTheSymbolSays(string symbol, double value, double threshold, bool expected)
    {
        Assert.True(ComparisonOperators.TryParse(symbol, out var op));
        Assert.Equal(expected, op.Holds(value, threshold));
        Assert.Equal(symbol, op.ToSymbol());
    }

    [Theory]
    [InlineData("=")] // equality is not offered
    [InlineData("gt")] // words are not symbols
    [InlineData("")] // empty
    [InlineData(null)] // missing
    public void TryParse_UnknownSymbol_ReturnsFalse(string? symbol)
    {
        Assert.False(ComparisonOperators.TryParse(symbol, out _));
    }
}
