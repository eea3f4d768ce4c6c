namespace Alerts.Compute.Engine;

/// <summary>The amount one supplier (partner, ISO-2) contributed to a total.</summary>
public readonly record struct SupplierAmount(string Partner, decimal Amount);
