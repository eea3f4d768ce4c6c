using Alerts.Compute.Engine;

using Alerts.Pull.Statistics;

namespace Alerts.Pull.Tests.Statistics;

public sealed class DataVintageTests
{
    [Theory]
    [InlineData("2025-10-15T11:00:00+0200", 2025, 10, 15, 9)] // JSON-stat updated, offset without colon
    [InlineData("2025-10-15T11:00:00+02:00", 2025, 10, 15, 9)] // ISO 8601
    [InlineData("15/09/26", 2026, 9, 15, 0)] // SDMX-CSV LAST UPDATE
    [InlineData("2025-10-15", 2025, 10, 15, 0)] // date only
    public void TryParse_EurostatStamps_GivesUtcInstant(string text, int y, int m, int d, int h)
    {
        Assert.True(DataVintage.TryParse(text, out var v));
        Assert.Equal(new DateTimeOffset(y, m, d, h, 0, 0, TimeSpan.Zero), v.Timestamp);
    }

    [Fact]
    public void CompareTo_KnownAndUnknown_OrdersUnknownFirst()
    {
        DataVintage.TryParse("01/01/25", out var older);
        DataVintage.TryParse("01/01/26", out var newer);

        Assert.True(newer.CompareTo(older) > 0);
        Assert.True(older.CompareTo(DataVintage.Unknown) > 0);
        Assert.Equal(newer, DataVintage.Latest(older, newer));
    }
}
