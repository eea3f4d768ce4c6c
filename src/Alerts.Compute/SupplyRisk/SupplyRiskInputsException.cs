namespace Alerts.Compute.SupplyRisk;

/// <summary>A file of <see cref="SupplyRiskOptions"/> is missing or malformed; the message names setting, file and place.</summary>
public sealed class SupplyRiskInputsException(string message, Exception? inner = null) : Exception(message, inner);
