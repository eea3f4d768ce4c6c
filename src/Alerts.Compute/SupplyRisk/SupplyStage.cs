namespace Alerts.Compute.SupplyRisk;

/// <summary>Stage of the value chain a supply risk or a CRMA share is computed for.</summary>
public enum SupplyStage
{
    Extraction,
    Processing,
}
