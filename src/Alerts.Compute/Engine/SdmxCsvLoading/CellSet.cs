using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>
/// (series, partner, period) keys with the indicators seen for each: open addressing over one array of
/// <c>key &lt;&lt; 2 | indicators</c> (8 bytes a key), doubled at 70% load.
/// </summary>
internal struct CellSet(int capacity)
{
    private ulong[] slots = new ulong[capacity];

    public int Count { get; private set; }

    /// <summary>The key of a (series, partner, period): 14 bits reporter, 12 partner, 18 product, 1 flow, 19 period.</summary>
    public static ulong Key(int reporter, int partner, int product, TradeFlow flow, int periodCode) =>
        ((ulong)(uint)reporter << 50) | ((ulong)(uint)partner << 38) | ((ulong)(uint)product << 20) | ((ulong)(flow == TradeFlow.Import ? 0 : 1) << 19) | (uint)periodCode;

    /// <summary>Marks <paramref name="indicator"/> (1 or 2) seen for the key; false when it already was.</summary>
    public bool Add(ulong key, int indicator)
    {
        if (Count * 10L >= slots.Length * 7L)
        {
            Grow();
        }

        var mask = slots.Length - 1;
        var i = (int)(Hash(key) & (ulong)mask);
        var bit = (ulong)indicator;
        while (true)
        {
            var s = slots[i];
            if (s == 0)
            {
                slots[i] = (key << 2) | bit;
                Count++;
                return true;
            }

            if (s >> 2 == key)
            {
                if ((s & bit) != 0)
                {
                    return false;
                }

                slots[i] = s | bit;
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    public readonly bool Contains(ulong key, int indicator)
    {
        var mask = slots.Length - 1;
        var i = (int)(Hash(key) & (ulong)mask);
        while (true)
        {
            var s = slots[i];
            if (s == 0)
            {
                return false;
            }

            if (s >> 2 == key)
            {
                return (s & (ulong)indicator) != 0;
            }

            i = (i + 1) & mask;
        }
    }

    private static ulong Hash(ulong key) => (key * 0x9E3779B97F4A7C15UL) >> 20;

    private void Grow()
    {
        var old = slots;
        slots = new ulong[old.Length * 2];
        var mask = slots.Length - 1;
        foreach (var s in old)
        {
            if (s == 0)
            {
                continue;
            }

            var i = (int)(Hash(s >> 2) & (ulong)mask);
            while (slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = s;
        }
    }
}
