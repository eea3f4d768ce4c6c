namespace Alerts.Compute.SupplyRisk;

/// <summary>The supply risk of one stage and its parts; <see cref="Defaults"/> lists every default used.</summary>
public sealed record StageRisk(
    SupplyStage Stage,
    double SupplyRisk,
    double HhiWgiGlobal,
    double HhiWgiEu,
    double ImportReliance,
    double EolRir,
    double SubstitutionIndex,
    IReadOnlyList<string> Defaults)
{
    /// <summary>True when any input fell back to a default (see <see cref="Defaults"/>).</summary>
    public bool IsIndicative => Defaults.Count > 0;
}
