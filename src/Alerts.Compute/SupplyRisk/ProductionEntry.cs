namespace Alerts.Compute.SupplyRisk;

/// <summary>Domestic production of one product in one year, in kg.</summary>
public sealed record ProductionEntry(string Reporter, string Product, int Year, decimal QuantityKg, string? Source);
