namespace Alerts.Pull.Statistics;

/// <summary>The wire formats the readers understand.</summary>
public enum TradeDataFormat
{
    /// <summary>Comext statistics API, JSON-stat 2.0.</summary>
    ComextJsonStat,

    /// <summary>Comext SDMX 2.1 API, SDMX-CSV.</summary>
    ComextSdmxCsv,

    /// <summary>UN Comtrade v1 JSON (<c>{"count":n,"data":[...]}</c>).</summary>
    ComtradeJson,
}
