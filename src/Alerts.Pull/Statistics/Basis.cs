namespace Alerts.Pull.Statistics;

/// <summary>What a share is measured on: net weight (kg) or trade value.</summary>
public enum Basis
{
    Weight,
    Value,
}
