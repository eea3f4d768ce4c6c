namespace Alerts.Pull.Statistics;

/// <summary>Direction of a trade flow, seen from the reporter.</summary>
public enum TradeFlow
{
    Import = 1,
    Export = 2,
}
