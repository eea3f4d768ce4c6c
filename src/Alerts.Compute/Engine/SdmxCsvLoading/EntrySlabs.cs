using System.Numerics;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>
/// Room for the per-partner entries of the cells one partition loads, carved from large shared arrays (slabs) instead
/// of an array per cell. A cell's region holds 4, 8, 16 ... entries; when it is full the entries move to a region twice
/// the size and the old region is kept for the next cell that needs that size. Slabs are large objects, so the
/// garbage collector never copies them, and a scattered file, whose cells all grow until its last rows, leaves no
/// garbage behind (an array per cell is promoted and copied by every young collection while it is still growing).
/// Offset 0 of a slab is never given out: a cell with <see cref="Cell.Offset"/> 0 owns its array.
/// </summary>
internal sealed class EntrySlabs
{
    private const int SlabLength = 1 << 16; // 2.6 MB of 40-byte entries
    private const int Smallest = 4;

    private readonly Stack<(PartnerSums[] Slab, int Offset)>[] free = new Stack<(PartnerSums[], int)>[BitOperations.Log2(SlabLength)];
    private PartnerSums[] slab = [];
    private int used = SlabLength;

    /// <summary>True when a cell of <paramref name="count"/> entries has no room for one more.</summary>
    public static bool Full(int count) => count == 0 || (count >= Smallest && (count & (count - 1)) == 0);

    /// <summary>Moves a full cell's entries to a region twice its size (the first region for an empty cell).</summary>
    public void Grow(ref Cell cell)
    {
        var capacity = cell.Count == 0 ? Smallest : cell.Count * 2;
        var (items, offset) = Take(capacity);
        if (cell.Count > 0)
        {
            cell.Items.AsSpan(cell.Offset, cell.Count).CopyTo(items.AsSpan(offset));
            Free(cell.Items!, cell.Offset, cell.Count);
        }

        cell.Items = items;
        cell.Offset = offset;
    }

    private (PartnerSums[] Slab, int Offset) Take(int capacity)
    {
        var size = BitOperations.Log2((uint)capacity);
        if (free[size] is { Count: > 0 } stack)
        {
            return stack.Pop();
        }

        if (used + capacity > SlabLength)
        {
            // Entries need no clearing: a region's entries are written before they are read.
            slab = GC.AllocateUninitializedArray<PartnerSums>(SlabLength);
            used = Smallest;
        }

        var offset = used;
        used += capacity;
        return (slab, offset);
    }

    private void Free(PartnerSums[] items, int offset, int capacity)
    {
        if (offset == 0)
        {
            return; // an array of the cell's own: the garbage collector takes it
        }

        var size = BitOperations.Log2((uint)capacity);
        (free[size] ??= new Stack<(PartnerSums[], int)>()).Push((items, offset));
    }
}
