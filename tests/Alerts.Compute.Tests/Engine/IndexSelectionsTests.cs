using Alerts.Compute.Engine;

namespace Alerts.Compute.Tests.Engine;

public sealed class IndexSelectionsTests
{
    [Theory]
    [InlineData("published", IndexSelection.Published)] // the default window
    [InlineData("MONTHLY", IndexSelection.Monthly)] // case-insensitive
    [InlineData(" annual ", IndexSelection.Annual)] // blanks ignored
    [InlineData("rolling12", IndexSelection.Rolling12)] // rolling 12 months
    public void TryParse_Name_GivesTheSelectionAndBack(string name, IndexSelection expected)
    {
        Assert.True(IndexSelections.TryParse(name, out var selection));

        Assert.Equal(expected, selection);
        Assert.Equal(name.Trim().ToLowerInvariant(), selection.ToName());
    }

    [Theory]
    [InlineData(null)] // missing
    [InlineData("")] // empty
    [InlineData("3")] // the enum's number
    [InlineData("rolling-12")] // misspelt
    [InlineData("quarterly")] // not a window
    public void TryParse_NotAName_IsFalse(string? name)
    {
        Assert.False(IndexSelections.TryParse(name, out _));
    }

    [Fact]
    public void Names_CoverEveryValueInOrder()
    {
        Assert.Equal(Enum.GetValues<IndexSelection>().Select(s => s.ToName()), IndexSelections.Names);
    }
}
