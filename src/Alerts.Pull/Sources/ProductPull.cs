using Alerts.Pull.Statistics;

namespace Alerts.Pull.Sources;

/// <summary>The outcome of pulling one product: its data, or the error that stopped it (the others carry on).</summary>
public sealed record ProductPull(string Product, TradeDataSet? Data, Exception? Error)
{
    public bool Succeeded => Data is not null;
}
