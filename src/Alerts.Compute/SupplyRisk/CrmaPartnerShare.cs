namespace Alerts.Compute.SupplyRisk;

/// <summary>One supplier's imports and shares; <see cref="ConsumptionShare"/> null when consumption is unknown.</summary>
public readonly record struct CrmaPartnerShare(string Partner, decimal Imports, double ImportShare, double? ConsumptionShare);
