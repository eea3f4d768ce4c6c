using Alerts.Soak;
using Alerts.Soak.Run;

namespace Alerts.Soak.Tests;

/// <summary>
/// The soak's short run in the test suite: 300 notifications over 200 subscriptions on both channels, every sink and
/// storage fault injected, the worker killed twice mid-delivery, its broker connections reset every 10 s on average. Nothing may be lost; a duplicate is allowed only after
/// a lost outcome (README, "Delivery guarantee"); the designated permanent failures are dead-lettered, no more.
/// </summary>
public sealed class ShortSoakTests
{
    [Fact]
    public async Task Soak_300Notifications2Kills_NothingLostAndDuplicatesOnlyAfterLostOutcomes()
    {
        var options = new SoakOptions { Notifications = 300, Kills = 2, Deadline = TimeSpan.FromMinutes(4), DropEvery = TimeSpan.FromSeconds(10) };
        using var output = new StringWriter();

        var result = await new SoakRunner(options, output).RunAsync(CancellationToken.None);

        var report = output + string.Join(Environment.NewLine, result.Lines());
        Assert.True(result.Passed, report);
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.UnexplainedDuplicates);
        Assert.Equal(2, result.Kills);
        Assert.True(result.Drops > 0, "no broker connection was dropped");
        Assert.Equal(300 - result.ExpectedPermanent, result.Delivered);
        Assert.True(result.ExpectedPermanent > 0, "the run must include designated permanent failures");
        Assert.All(result.Channels, c => Assert.True(c.SinkFaults > 0, $"{c.Channel}: no transient fault was injected"));
    }

    [Fact]
    public void Parse_UnknownOption_NamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => SoakOptions.Parse(["--notifications", "5", "--bogus"]));

        Assert.Contains("--bogus", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RateOutOfRange_Refused()
    {
        Assert.Throws<ArgumentException>(() => SoakOptions.Parse(["--sink-faults", "1.5"]));
    }
}
