using Alerts.Pull.Sources.Resilience;
using Alerts.Pull.Statistics;

namespace Alerts.Pull.Sources.Comtrade;

/// <summary>Settings of <see cref="ComtradeClient"/> (section <c>Sources:Comtrade</c>).</summary>
public sealed class ComtradeClientOptions
{
    public const string Section = "Sources:Comtrade";

    public Uri BaseUrl { get; set; } = new("https://comtradeapi.un.org");

    /// <summary>
    /// The <c>Ocp-Apim-Subscription-Key</c>. A secret: never logged, never in messages. Without it the client uses
    /// the preview endpoint (at most 500 records and one period per call).
    /// </summary>
    public string? SubscriptionKey { get; set; }

    /// <summary>Calls allowed per UTC day (500 on the free tier); every attempt counts, retries included.</summary>
    public int DailyCallBudget { get; set; } = 500;

    public string TypeCode { get; set; } = "C";

    public string Classification { get; set; } = "HS";

    public long MaxResponseBytes { get; set; } = TradeDataReaderOptions.DefaultMaxBytes;

    public SourceResilienceOptions Resilience { get; set; } = new();

    /// <summary>Masks the key for display (e.g. in a settings dump): never show more than it exists.</summary>
    public override string ToString() => $"Comtrade {BaseUrl} key={(string.IsNullOrEmpty(SubscriptionKey) ? "none" : "***")} budget={DailyCallBudget}/day";
}
