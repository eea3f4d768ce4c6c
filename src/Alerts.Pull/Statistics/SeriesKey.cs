namespace Alerts.Pull.Statistics;

/// <summary>A series of observations whose partner shares are compared: one reporter, product (or commodity) and flow.</summary>
public readonly record struct SeriesKey(string Reporter, string Product, TradeFlow Flow)
{
    public override string ToString() => $"{Reporter}/{Product}/{(Flow == TradeFlow.Import ? "import" : "export")}";
}
