using Alerts.Evaluate.Lifecycle;

namespace Alerts.Deliver.Rendering;

/// <summary>
/// The alerts of a notification that tell one story: several rules on one series, basis, window and period, in the
/// same state (e.g. the CRMA 65% breach and the HHI above 2,500 for rare-earth magnets in 2024). A message shows
/// them as one block: the most severe as the headline (<see cref="Lead"/>), the others as lines under it
/// (<see cref="Others"/>), and one supplier table - the suppliers are the series', the same for every rule on it.
/// </summary>
public sealed record SeriesBlock(AlertEvent Lead, IReadOnlyList<AlertEvent> Others)
{
    /// <summary>Every event of the block, the lead first.</summary>
    public IReadOnlyList<AlertEvent> Events => [Lead, .. Others];

    /// <summary>The event whose suppliers the block's one table shows: the lead's, unless only another carries them.</summary>
    public AlertEvent SupplierSource => Lead.TopSuppliers.Count > 0 ? Lead : Others.FirstOrDefault(e => e.TopSuppliers.Count > 0) ?? Lead;

    /// <summary>
    /// The events as blocks, in display order (<see cref="AlertText.Ordered"/>: a block stands where its lead does,
    /// and the lead is its most severe event). Events about missing data stay one block each: they carry no values.
    /// </summary>
    public static IReadOnlyList<SeriesBlock> Of(IReadOnlyList<AlertEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var blocks = new List<(AlertEvent Lead, List<AlertEvent> Others)>();
        var index = new Dictionary<object, int>();
        foreach (var e in AlertText.Ordered(events))
        {
            object key = e.NoData ? e.EventId : (e.Reporter, e.Commodity, e.Flow, e.Basis, e.Window, e.Period, e.State);
            if (index.TryGetValue(key, out var at))
            {
                blocks[at].Others.Add(e);
            }
            else
            {
                index[key] = blocks.Count;
                blocks.Add((e, []));
            }
        }

        return [.. blocks.Select(b => new SeriesBlock(b.Lead, b.Others))];
    }
}
