using Alerts.Compute.Engine;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// Inputs of the supply-risk formula for one stage. Anything left null falls back to a default and makes
/// the result indicative: import reliance 1 (or computed with production 0), EoL-RIR 0, SI 1, t_c 1.
/// </summary>
public sealed record StageInputs
{
    public required SupplyStage Stage { get; init; }

    /// <summary>
    /// The trade-data product (HS/CN code, or a commodity series such as <c>rare-earths/metal</c>) whose imports by
    /// partner give this stage's EU sourcing when <see cref="EuSourcing"/> is empty, and whose annual import rows
    /// carry the stage's supply risk as a rule metric; null = not linked to trade data.
    /// </summary>
    public string? Product { get; init; }

    /// <summary>World supply by country (any unit; shares are computed). Operator-supplied: trade data cannot give it.</summary>
    public required IReadOnlyList<SupplierAmount> GlobalSupply { get; init; }

    /// <summary>EU sourcing by country: imports by partner, plus domestic production under its own code if known.</summary>
    public required IReadOnlyList<SupplierAmount> EuSourcing { get; init; }

    /// <summary>Import reliance 0..1 if known directly (clamped); otherwise computed from the three figures below.</summary>
    public double? ImportReliance { get; init; }

    public decimal? Imports { get; init; }

    public decimal? Exports { get; init; }

    public decimal? Production { get; init; }

    /// <summary>End-of-life recycling input rate 0..1.</summary>
    public double? EolRir { get; init; }

    /// <summary>Substitution index (about 0..1; 1 = no substitutes).</summary>
    public double? SubstitutionIndex { get; init; }

    /// <summary>Trade-restriction factors t_c >= 1 by country; countries absent get 1.</summary>
    public IReadOnlyDictionary<string, double>? TradeRestrictions { get; init; }
}
