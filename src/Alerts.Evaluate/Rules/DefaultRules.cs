using Alerts.Compute.Engine;
using Alerts.Compute.Mirror;
using Alerts.Compute.Series;
using Alerts.Pull;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Rules;

/// <summary>
/// The rules that apply unless configuration overrides them. Both look at imports by weight: CRMA-style
/// raw-material shares are measured on weight, as Eurostat's own shares are.
/// </summary>
public static class DefaultRules
{
    public const string CrmaSingleCountryId = "crma-single-country";
    public const string HhiHighId = "hhi-high";

    /// <summary>
    /// CRMA (Regulation (EU) 2024/1252) Article 5 benchmark: no single third country above 65%, tested on the import
    /// proxy <c>cr1</c>. It deliberately does not switch to <c>crmaConsumptionShare</c> where production is known:
    /// production is operator-supplied and usually absent (the rule would fall silent), it exists for annual rows only
    /// (monthly pulls would lose the rule), and a metric that changes denominator from year to year would make one
    /// alert's values, previous values and revisions incomparable while the message cannot say which share it carries.
    /// An operator with a production table overrides the metric (<c>{"id":"crma-single-country","metric":"crmaConsumptionShare"}</c>)
    /// or adds a rule on it; the alert text then says "of EU apparent consumption".
    /// </summary>
    public static Rule CrmaSingleCountry { get; } = new(
        CrmaSingleCountryId,
        "A single third country supplies more than 65%",
        "cr1",
        ComparisonOperator.GreaterThan,
        0.65,
        Severities.Critical,
        Basis.Weight,
        TradeFlow.Import,
        Description: "Critical Raw Materials Act Article 5 benchmark: no single third country should supply more than 65% of a strategic raw material at any stage of processing (import share as a proxy for consumption).");

    /// <summary>US 2010 Horizontal Merger Guidelines: an HHI above 2500 is "highly concentrated".</summary>
    public static Rule HhiHigh { get; } = new(
        HhiHighId,
        "Supply is highly concentrated (HHI above 2500)",
        "hhi",
        ComparisonOperator.GreaterThan,
        2500,
        Severities.Warning,
        Basis.Weight,
        TradeFlow.Import,
        Description: "US 2010 Horizontal Merger Guidelines: markets with an HHI above 2500 are highly concentrated.");

    /// <summary>
    /// The mirror check (both sources pulled): EU-reported imports from a partner and the partner's reported exports to the
    /// EU differ by more than a third of the larger side (<see cref="MirrorCheckCalculator.DefaultThreshold"/>) for a
    /// partner whose larger side is at least 1 t. Informational: re-exports, transit and misreporting analysts look into.
    /// </summary>
    public static Rule MirrorGap { get; } = new(
        MirrorGapId,
        "EU imports and the partner's reported exports differ by more than a third",
        "mirrorGap",
        ComparisonOperator.GreaterThan,
        MirrorCheckCalculator.DefaultThreshold,
        Severities.Info,
        Basis.Weight,
        TradeFlow.Import,
        Description: "Mirror check: EU-reported imports (Comext) against partner-reported exports to the EU (UN Comtrade) per partner and year, by weight; a gap above a third of the larger side (the larger figure more than 1.5 times the smaller) is more than freight, insurance and timing explain.");

    public const string MirrorGapId = "mirror-gap";

    public static IReadOnlyList<Rule> All { get; } = [CrmaSingleCountry, HhiHigh];

    /// <summary>The defaults for a deployment: <see cref="All"/>, plus <see cref="MirrorGap"/> when it pulls both sources.</summary>
    public static IReadOnlyList<Rule> For(PullOptions pull)
    {
        ArgumentNullException.ThrowIfNull(pull);
        return pull.PullsBothSources ? [.. All, MirrorGap] : All;
    }
}
