namespace Alerts.Compute.Engine;

/// <summary>
/// Per-partner sums of one series in one period: what the windows are summed from. The entries are
/// <c>Items[Offset..Offset + Count]</c>: a cell's own array (<see cref="Offset"/> 0), or a region of a shared slab
/// (<see cref="Offset"/> above 0, given out by the SDMX-CSV loader's <c>EntrySlabs</c>), which <see cref="Reserve"/> and
/// <see cref="Add"/> first copy into an array of the cell's own.
/// </summary>
internal struct Cell
{
    public PartnerSums[]? Items;
    public int Offset;
    public int Count;

    public readonly ReadOnlySpan<PartnerSums> Entries => Items is null ? [] : Items.AsSpan(Offset, Count);

    /// <summary>Makes room for <paramref name="more"/> entries: exact the first time, doubling after.</summary>
    public void Reserve(int more)
    {
        Own();
        var needed = Count + more;
        if (Items is null)
        {
            Items = new PartnerSums[needed];
        }
        else if (Items.Length < needed)
        {
            Array.Resize(ref Items, Math.Max(needed, Items.Length * 2));
        }
    }

    public void Add(int partner, byte flags, decimal weight, decimal value)
    {
        Own();
        var items = Items;
        var n = Count;
        if (items is not null)
        {
            for (var j = 0; j < n; j++)
            {
                ref var e = ref items[j];
                if (e.Partner == partner)
                {
                    e.Weight += weight;
                    e.Value += value;
                    e.Flags |= flags;
                    return;
                }
            }
        }

        if (items is null || n == items.Length)
        {
            Array.Resize(ref Items, items is null ? 4 : n * 2);
            items = Items;
        }

        items![n] = new PartnerSums { Partner = partner, Flags = flags, Weight = weight, Value = value };
        Count = n + 1;
    }

    /// <summary>Entries in a slab region move to an array of the cell's own (the region stays with the slab).</summary>
    private void Own()
    {
        if (Offset != 0)
        {
            Items = Items.AsSpan(Offset, Count).ToArray();
            Offset = 0;
        }
    }
}
