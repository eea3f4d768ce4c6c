namespace Alerts.Pull.Statistics.SdmxCsv;

/// <summary>The columns of a Comext DS-045409 SDMX-CSV file, in the order Eurostat writes them.</summary>
public static class SdmxCsvColumns
{
    public const string Dataflow = "DATAFLOW";
    public const string LastUpdate = "LAST UPDATE";
    public const string Freq = "freq";
    public const string Reporter = "reporter";
    public const string Partner = "partner";
    public const string Product = "product";
    public const string Flow = "flow";
    public const string Indicators = "indicators";
    public const string TimePeriod = "TIME_PERIOD";
    public const string ObsValue = "OBS_VALUE";

    /// <summary>Optional; <c>c</c> marks a confidential figure.</summary>
    public const string ObsFlag = "OBS_FLAG";

    public static IReadOnlyList<string> Required { get; } =
        [Dataflow, LastUpdate, Freq, Reporter, Partner, Product, Flow, Indicators, TimePeriod, ObsValue];
}
