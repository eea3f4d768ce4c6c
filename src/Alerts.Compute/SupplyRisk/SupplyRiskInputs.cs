namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// The operator's inputs to the CRMA consumption share and the supply-risk indicator: domestic production, the
/// WGI table (the shipped one unless the operator supplies a file) and the supply-risk parameters per material.
/// </summary>
public sealed record SupplyRiskInputs(ProductionTable Production, WgiTable Wgi, IReadOnlyList<SupplyRiskParameters> Parameters)
{
    /// <summary>Nothing supplied: import proxy only, no supply risk.</summary>
    public static SupplyRiskInputs None { get; } = new(ProductionTable.Empty, WgiTable.Shipped, []);

    /// <summary>Identifies the files these inputs were read from (their contents), so a change to them is noticed; <c>none</c> for <see cref="None"/>.</summary>
    public string Fingerprint { get; init; } = "none";
}
