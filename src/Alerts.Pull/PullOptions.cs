using System.ComponentModel.DataAnnotations;
using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;

namespace Alerts.Pull;

/// <summary>What the timer-triggered pull covers (section <c>Pull</c>).</summary>
public sealed class PullOptions
{
    public const string SectionName = "Pull";

    /// <summary>Source to pull from when <see cref="Sources"/> is empty: <c>comext</c> (default) or <c>comtrade</c>.</summary>
    [Required]
    public string Source { get; set; } = "comext";

    /// <summary>Names of the sources this deployment knows, in the order a run pulls them.</summary>
    public static IReadOnlyList<string> KnownSources { get; } = ["comext", "comtrade"];

    /// <summary>
    /// Sources pulled side by side in one deployment, comma-separated (<c>Pull__Sources=comext,comtrade</c>): each product
    /// is pulled from each, in this order, and every series is labelled with its source (its own indices, alerts and pull
    /// state). With both, the mirror check compares them. Default (unset or blank): <see cref="Source"/> alone.
    /// </summary>
    public string? Sources { get; set; }

    /// <summary>The sources pulled, lower case: the names in <see cref="Sources"/>, or <see cref="Source"/> when it is blank.</summary>
    public IReadOnlyList<string> EffectiveSources =>
        string.IsNullOrWhiteSpace(Sources)
            ? [Source.Trim().ToLowerInvariant()]
            : [.. Sources.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant())];

    /// <summary>Both Comext and Comtrade are pulled: the mirror check compares them.</summary>
    public bool PullsBothSources => EffectiveSources.Contains("comext") && EffectiveSources.Contains("comtrade");

    /// <summary>
    /// Product codes (HS6/CN8) to pull, e.g. <c>Pull__Products__0=850511</c>. Default: every code of the shipped
    /// catalog at every stage (<see cref="DefaultProducts"/>), the 17 strategic raw materials.
    /// </summary>
    public List<string> Products { get; set; } = [];

    /// <summary>
    /// Commodity series to compute from the pulled products, as catalog ids (<c>rare-earths</c>: every stage the
    /// products cover) or <c>id/stage</c> (<c>graphite/ore</c>), e.g. <c>Pull__Commodities__0=graphite</c>. Default:
    /// every catalog commodity stage with at least one of its codes among <see cref="Products"/>. An entry none of
    /// whose codes is pulled, or an unknown id, stops the app at start.
    /// </summary>
    public List<string> Commodities { get; set; } = [];

    /// <summary>Whether commodity series are computed at all (default true); false: product series only.</summary>
    public bool AggregateCommodities { get; set; } = true;

    /// <summary>
    /// Products when none are configured: every code of the shipped catalog (<see cref="CommodityCatalog.Default"/>),
    /// ore to downstream, each once (a code two materials share, lithium-ion cells, is pulled once).
    /// </summary>
    public static IReadOnlyList<string> DefaultProducts { get; } = CommodityCatalog.Default.Commodities
        .SelectMany(c => Enum.GetValues<ProcessingStage>().SelectMany(c.CodesFor))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary><c>A</c> (annual, default) or <c>M</c> (monthly).</summary>
    [RegularExpression("^[AM]$", ErrorMessage = "Setting Pull:Frequency must be A or M.")]
    public string Frequency { get; set; } = "A";

    /// <summary>Annual pulls: how many years back from last year are re-pulled (revisions arrive for years).</summary>
    [Range(1, 40, ErrorMessage = "Setting Pull:TrailingYears must be between 1 and 40.")]
    public int TrailingYears { get; set; } = 7;

    /// <summary>Monthly pulls: how many months back are re-pulled each run (figures are revised for about 24 months).</summary>
    [Range(1, 480, ErrorMessage = "Setting Pull:TrailingMonths must be between 1 and 480.")]
    public int TrailingMonths { get; set; } = 24;

    /// <summary>Reporter whose imports are watched when <see cref="Reporters"/> is empty.</summary>
    [Required]
    public string Reporter { get; set; } = "EU27_2020";

    /// <summary>
    /// Reporters whose imports are watched side by side (<c>Pull__Reporters__0=EU27_2020</c>, <c>Pull__Reporters__1=DE</c>):
    /// <c>EU27_2020</c> and member states (ISO-2, Greece <c>GR</c>); each gets its own series, indices and alerts.
    /// Default: <see cref="Reporter"/> alone.
    /// </summary>
    public List<string> Reporters { get; set; } = [];

    /// <summary>The reporters pulled: <see cref="Reporters"/>, or <see cref="Reporter"/> when none are listed.</summary>
    public IReadOnlyList<string> EffectiveReporters => Reporters.Count > 0 ? Reporters : [Reporter];

    /// <summary>
    /// Comext pulls: also pull exports (<c>Pull__IncludeExports=true</c>), which the CRMA consumption-share proxy needs
    /// (apparent consumption = production + imports - exports); export series then get indices too. Default false.
    /// </summary>
    public bool IncludeExports { get; set; }

    /// <summary>
    /// With both sources (<see cref="PullsBothSources"/>) and annual data: how many of the latest years of the window the
    /// mirror check covers (default 1: the last complete year). Each year is one more Comtrade call per HS6 product with
    /// the keyless preview, counted against <c>Sources:Comtrade:DailyCallBudget</c> (default 500): the default scope's
    /// 56 HS6 codes take 7 x 56 = 392 calls for the EU's imports and 56 per mirror year.
    /// </summary>
    [Range(1, 40, ErrorMessage = "Setting Pull:MirrorYears must be between 1 and 40.")]
    public int MirrorYears { get; set; } = 1;

    public IReadOnlyList<string> EffectiveProducts => Products.Count > 0 ? Products : DefaultProducts;
}
