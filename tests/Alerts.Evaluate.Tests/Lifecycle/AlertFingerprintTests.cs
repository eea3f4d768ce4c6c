using Alerts.Compute.Engine;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Tests.Lifecycle;

public sealed class AlertFingerprintTests
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);

    [Fact]
    public void Compute_SameInputs_GivesAPinnedValue()
    {
        // Pinned: a change of the formula would re-fire every stored alert, so it must be deliberate.
        Assert.Equal("05241949edeb9a171a74a73de61f95f8", AlertFingerprint.Compute("crma-single-country", Magnets, Basis.Weight));
    }

    [Theory]
    [InlineData("hhi-high", "EU27_2020", "85051110", TradeFlow.Import, Basis.Weight)] // other rule
    [InlineData("crma-single-country", "DE", "85051110", TradeFlow.Import, Basis.Weight)] // other reporter
    [InlineData("crma-single-country", "EU27_2020", "280530", TradeFlow.Import, Basis.Weight)] // other product
    [InlineData("crma-single-country", "EU27_2020", "85051110", TradeFlow.Export, Basis.Weight)] // other flow
    [InlineData("crma-single-country", "EU27_2020", "85051110", TradeFlow.Import, Basis.Value)] // other basis
    public void Compute_AnyPartDiffers_GivesAnotherFingerprint(string rule, string reporter, string product, TradeFlow flow, Basis basis)
    {
        var reference = AlertFingerprint.Compute("crma-single-country", Magnets, Basis.Weight);

        var other = AlertFingerprint.Compute(rule, new SeriesKey(reporter, product, flow), basis);

        Assert.NotEqual(reference, other);
        Assert.Matches("^[0-9a-f]{32}$", other);
    }

    [Fact]
    public void Compute_Source_ComextKeepsTheIdAnotherSourceIsHashedIn()
    {
        // Alerts from before Pull:Sources are Comext's and keep their ids; Comtrade's alert of the same series is another alert.
        Assert.Equal("05241949edeb9a171a74a73de61f95f8", AlertFingerprint.Compute("crma-single-country", Magnets with { Source = "comext" }, Basis.Weight));
        var comtrade = Magnets with { Source = "comtrade" };
        Assert.NotEqual("05241949edeb9a171a74a73de61f95f8", AlertFingerprint.Compute("crma-single-country", comtrade, Basis.Weight));
        Assert.NotEqual(
            AlertFingerprint.Compute("crma-single-country", Magnets, Basis.Weight, IndexSelection.Rolling12),
            AlertFingerprint.Compute("crma-single-country", comtrade, Basis.Weight, IndexSelection.Rolling12));
        Assert.Equal(Magnets, comtrade.WithoutSource);
        Assert.Equal(("comtrade", "EU27_2020/85051110/import (comtrade)"), (comtrade.Source, comtrade.ToString()));
    }

    [Fact]
    public void Compute_PublishedWindow_IsTheFingerprintWithoutWindow()
    {
        // Alerts of rules written before windows existed keep their ids.
        Assert.Equal("05241949edeb9a171a74a73de61f95f8", AlertFingerprint.Compute("crma-single-country", Magnets, Basis.Weight, IndexSelection.Published));
    }

    [Fact]
    public void Compute_OtherWindows_GiveDistinctFingerprints()
    {
        var all = Enum.GetValues<IndexSelection>().Select(w => AlertFingerprint.Compute("crma-single-country", Magnets, Basis.Weight, w)).ToList();

        Assert.Equal(4, all.Distinct().Count());
        Assert.All(all, f => Assert.Matches("^[0-9a-f]{32}$", f));
        // Pinned like the published one: the rolling window's alerts keep their ids across releases.
        Assert.Equal(all[(int)IndexSelection.Rolling12], AlertFingerprint.Compute("crma-single-country", Magnets, Basis.Weight, IndexSelection.Rolling12));
    }

    [Theory]
    [InlineData(AlertState.Resolved, "2024-01", "v1")] // other state
    [InlineData(AlertState.Firing, "2024-02", "v1")] // other period
    [InlineData(AlertState.Firing, "2024-01", "v2")] // other vintage
    public void EventId_AnyPartDiffers_GivesAnotherId(AlertState state, string period, string vintage)
    {
        var reference = AlertFingerprint.EventId("f", AlertState.Firing, Period.Monthly(2024, 1), "v1");

        Assert.Equal(reference, AlertFingerprint.EventId("f", AlertState.Firing, Period.Monthly(2024, 1), "v1"));
        Assert.NotEqual(reference, AlertFingerprint.EventId("f", state, Period.Parse(period), vintage));
    }
}
