using Alerts.Pull.Sources.Resilience;
using Alerts.Pull.Statistics;

namespace Alerts.Pull.Sources.Comext;

/// <summary>Settings of <see cref="ComextClient"/> (section <c>Sources:Comext</c>).</summary>
public sealed class ComextClientOptions
{
    public const string Section = "Sources:Comext";

    /// <summary>Comext's own API base, distinct from the main Eurostat API.</summary>
    public Uri BaseUrl { get; set; } = new("https://ec.europa.eu/eurostat/api/comext/dissemination");

    public string Dataset { get; set; } = "DS-045409";

    /// <summary>Largest response body read.</summary>
    public long MaxResponseBytes { get; set; } = TradeDataReaderOptions.DefaultMaxBytes;

    /// <summary>How many times a too-big extraction is split further (products, then years).</summary>
    public int MaxSplitDepth { get; set; } = 3;

    public SourceResilienceOptions Resilience { get; set; } = new();
}
