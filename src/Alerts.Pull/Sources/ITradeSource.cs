using Alerts.Pull;
using Alerts.Pull.Statistics;

namespace Alerts.Pull.Sources;

/// <summary>
/// A trade-statistics source as the pull step sees it: every source (Comext, Comtrade) has this one shape,
/// so adding a source is a new client plus one of these.
/// </summary>
public interface ITradeSource
{
    /// <summary>Source name used in settings, snapshots and reports, e.g. <c>comext</c>.</summary>
    string Name { get; }

    /// <summary>Fetches the trailing window of one product for the configured reporter, import flow.</summary>
    /// <exception cref="TradeDataFormatException">The payload is malformed (names source, product and position).</exception>
    /// <exception cref="HttpRequestException">The source failed after its resilience pipeline gave up.</exception>
    Task<TradeDataSet> FetchAsync(string product, CancellationToken cancellationToken);
}
