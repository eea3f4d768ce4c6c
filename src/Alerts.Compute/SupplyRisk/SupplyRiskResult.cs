namespace Alerts.Compute.SupplyRisk;

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

    /// <summary>
    /// Stages of the parameters that could not be computed (linked to a product the data does not have for the
    /// year): the bottleneck is then over the stages computed only. Empty when every stage was computed.
    /// </summary>
    public IReadOnlyList<string> OmittedStages { get; init; } = [];

    /// <summary>Any stage used a default, or a stage could not be computed (the bottleneck may be another stage).</summary>
    public bool IsIndicative => OmittedStages.Count > 0 || Stages.Any(s => s.IsIndicative);

    public bool AtOrAboveThreshold => SupplyRisk >= Threshold;
}
