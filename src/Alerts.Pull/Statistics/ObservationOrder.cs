namespace Alerts.Pull.Statistics;

/// <summary>The canonical order of observations: reporter, product, flow, partner, period (ordinal).</summary>
public sealed class ObservationOrder : IComparer<TradeObservation>
{
    public static ObservationOrder Instance { get; } = new();

    public int Compare(TradeObservation? x, TradeObservation? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.Reporter, y.Reporter);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.Product, y.Product);
        }

        if (c == 0)
        {
            c = x.Flow.CompareTo(y.Flow);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Partner, y.Partner);
        }

        return c != 0 ? c : x.Period.CompareTo(y.Period);
    }
}
