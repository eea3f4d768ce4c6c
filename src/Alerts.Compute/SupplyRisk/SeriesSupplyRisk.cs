namespace Alerts.Compute.SupplyRisk;

/// <summary>The supply risk of a material as seen from one series: the stage the series' product feeds, and the whole result.</summary>
public sealed record SeriesSupplyRisk(SupplyRiskResult Result, SupplyStage Stage)
{
    /// <summary>This stage's risk and its parts.</summary>
    public StageRisk Risk => Result.Stages.First(s => s.Stage == Stage);

    /// <summary>This stage is the material's bottleneck (the higher supply risk).</summary>
    public bool IsBottleneck => Result.Bottleneck == Stage;
}
