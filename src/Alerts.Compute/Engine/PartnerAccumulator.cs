namespace Alerts.Compute.Engine;

/// <summary>
/// Sums cells per partner over a window, with exact decimal add and subtract so a rolling window can
/// slide (add the new month, remove the one leaving) instead of re-adding twelve months each step.
/// </summary>
internal sealed class PartnerAccumulator
{
    private PartnerSums[] sums = [];
    private int[] months = [];
    private int[] weightMonths = [];
    private int[] valueMonths = [];
    private int[] position = [];
    private int[] active = [];
    private PartnerSums[] snapshot = new PartnerSums[64];
    private int activeCount;

    public void EnsureCapacity(int partners)
    {
        if (sums.Length >= partners)
        {
            return;
        }

        var n = Math.Max(partners, 64);
        Array.Resize(ref sums, n);
        Array.Resize(ref months, n);
        Array.Resize(ref weightMonths, n);
        Array.Resize(ref valueMonths, n);
        Array.Resize(ref position, n);
        Array.Resize(ref active, n);
    }

    public void Add(ReadOnlySpan<PartnerSums> cell)
    {
        foreach (ref readonly var e in cell)
        {
            var p = e.Partner;
            if (months[p]++ == 0)
            {
                position[p] = activeCount;
                active[activeCount++] = p;
                sums[p] = new PartnerSums { Partner = p };
            }

            ref var s = ref sums[p];
            s.Weight += e.Weight;
            s.Value += e.Value;
            weightMonths[p] += e.Flags & PartnerSums.WeightReported;
            valueMonths[p] += (e.Flags & PartnerSums.ValueReported) >> 1;
        }
    }

    public void Remove(ReadOnlySpan<PartnerSums> cell)
    {
        foreach (ref readonly var e in cell)
        {
            var p = e.Partner;
            ref var s = ref sums[p];
            s.Weight -= e.Weight;
            s.Value -= e.Value;
            weightMonths[p] -= e.Flags & PartnerSums.WeightReported;
            valueMonths[p] -= (e.Flags & PartnerSums.ValueReported) >> 1;
            if (--months[p] == 0)
            {
                var at = position[p];
                var last = active[--activeCount];
                active[at] = last;
                position[last] = at;
            }
        }
    }

    public void Clear()
    {
        for (var k = 0; k < activeCount; k++)
        {
            var p = active[k];
            months[p] = 0;
            weightMonths[p] = 0;
            valueMonths[p] = 0;
        }

        activeCount = 0;
    }

    /// <summary>The current window sums (valid until the next change).</summary>
    public ReadOnlySpan<PartnerSums> Snapshot()
    {
        if (snapshot.Length < activeCount)
        {
            snapshot = new PartnerSums[Math.Max(activeCount, snapshot.Length * 2)];
        }

        for (var k = 0; k < activeCount; k++)
        {
            var p = active[k];
            ref var s = ref snapshot[k];
            s = sums[p];
            s.Flags = (byte)((weightMonths[p] > 0 ? PartnerSums.WeightReported : 0) | (valueMonths[p] > 0 ? PartnerSums.ValueReported : 0));
        }

        return snapshot.AsSpan(0, activeCount);
    }
}
