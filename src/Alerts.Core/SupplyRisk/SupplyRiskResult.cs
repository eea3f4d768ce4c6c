namespace Alerts.Core.SupplyRisk;

/// <summary>Supply risk per stage with the bottleneck (the stage with the higher SR).</summary>
public sealed record SupplyRiskResult(
    string Material,
    int Year,
    IReadOnlyList<StageRisk> Stages,
    SupplyStage Bottleneck,
    double SupplyRisk,
    string WgiSource,
    string WgiVintage,
    string WgiDimension)
{
    /// <summary>The criticality threshold on supply risk (SR >= 1, with economic importance >= 2.8) [secondary source].</summary>
    public const double Threshold = 1.0;

    public bool IsIndicative => Stages.Any(s => s.IsIndicative);

    public bool AtOrAboveThreshold => SupplyRisk >= Threshold;
}
