using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;

namespace Alerts.Pull;

/// <summary>A product as a run left it: its outcome, and its data when the fetch succeeded (null when it failed).</summary>
public sealed record FetchedProduct(ProductOutcome Outcome, TradeDataSet? Data);
