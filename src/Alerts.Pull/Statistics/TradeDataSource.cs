namespace Alerts.Pull.Statistics;

/// <summary>Where trade statistics come from.</summary>
public enum TradeDataSource
{
    /// <summary>Eurostat Comext, dataset DS-045409 (values in EUR).</summary>
    Comext,

    /// <summary>UN Comtrade API v1 (values in USD).</summary>
    Comtrade,
}
