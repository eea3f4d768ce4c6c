namespace Alerts.Pull.Statistics;

/// <summary>One observation that differs between two vintages: added (<see cref="Previous"/> null), removed (<see cref="Current"/> null) or revised.</summary>
public sealed record ObservationChange(TradeObservation? Previous, TradeObservation? Current)
{
    public TradeObservation Any => Current ?? Previous!;

    /// <summary>
    /// The observations that differ between a previous and a current data set, matched by reporter, partner,
    /// product, flow and period; unchanged ones are left out. Use <see cref="ChangedSeries"/> to recompute only
    /// the series a revision touched.
    /// </summary>
    public static IReadOnlyList<ObservationChange> Compare(IEnumerable<TradeObservation> previous, IEnumerable<TradeObservation> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var old = previous.ToDictionary(Key);
        var changes = new List<ObservationChange>();
        foreach (var o in current)
        {
            if (old.Remove(Key(o), out var before))
            {
                if (before != o)
                {
                    changes.Add(new ObservationChange(before, o));
                }
            }
            else
            {
                changes.Add(new ObservationChange(null, o));
            }
        }

        changes.AddRange(old.Values.Select(o => new ObservationChange(o, null)));
        return changes.OrderBy(c => c.Any, ObservationOrder.Instance).ToList();
    }

    /// <summary>The series touched by a set of changes.</summary>
    public static IReadOnlySet<SeriesKey> ChangedSeries(IEnumerable<ObservationChange> changes) =>
        changes.Select(c => new SeriesKey(c.Any.Reporter, c.Any.Product, c.Any.Flow)).ToHashSet();

    private static (string, string, string, TradeFlow, Period) Key(TradeObservation o) => (o.Reporter, o.Partner, o.Product, o.Flow, o.Period);
}
