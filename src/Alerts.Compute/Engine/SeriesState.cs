using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine;

/// <summary>
/// Everything the engine keeps for one series: the per-month and per-year partner sums and the rows computed
/// from them (a row's changes are read from the rows of the month and the year before).
/// </summary>
internal sealed class SeriesState(string reporter, string product, TradeFlow flow, int bases)
{
    public string Reporter { get; } = reporter;

    public string Product { get; } = product;

    public TradeFlow Flow { get; } = flow;

    /// <summary>Month index (year * 12 + month - 1) of slot 0 of <see cref="Months"/> and the row arrays.</summary>
    public int Base { get; private set; }

    public Cell[] Months { get; private set; } = [];

    public Dictionary<int, Cell>? Annual { get; private set; }

    /// <summary>First and last month index with observations (empty when First > Last).</summary>
    public int FirstMonth { get; private set; } = int.MaxValue;

    public int LastMonth { get; private set; } = int.MinValue;

    /// <summary>Rows per basis, aligned with <see cref="Months"/>.</summary>
    public IndexRow?[][] MonthlyRows { get; } = NewRowArrays(bases);

    public IndexRow?[][] RollingRows { get; } = NewRowArrays(bases);

    public Dictionary<int, IndexRow>[] AnnualRows { get; } = Enumerable.Range(0, bases).Select(_ => new Dictionary<int, IndexRow>()).ToArray();

    public ref Cell MonthCell(int month)
    {
        EnsureMonth(month);
        if (month < FirstMonth)
        {
            FirstMonth = month;
        }

        if (month > LastMonth)
        {
            LastMonth = month;
        }

        return ref Months[month - Base];
    }

    public ref Cell AnnualCell(int year)
    {
        Annual ??= [];
        return ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Annual, year, out _);
    }

    /// <summary>The cell of a month, empty outside the stored range.</summary>
    public ReadOnlySpan<PartnerSums> MonthEntries(int month)
    {
        var i = month - Base;
        return (uint)i < (uint)Months.Length ? Months[i].Entries : [];
    }

    public IndexRow? Row(IndexRow?[] rows, int month)
    {
        var i = month - Base;
        return (uint)i < (uint)rows.Length ? rows[i] : null;
    }

    private void EnsureMonth(int month)
    {
        if (Months.Length == 0)
        {
            Base = month;
            Resize(0, 16);
            return;
        }

        if (month < Base)
        {
            // Grow to the left with room, so a history loaded newest-first does not shift every month.
            var newBase = Math.Min(month, Base - Months.Length);
            Resize(Base - newBase, Months.Length + (Base - newBase));
            Base = newBase;
        }
        else if (month >= Base + Months.Length)
        {
            Resize(0, Math.Max(Months.Length * 2, month - Base + 1));
        }
    }

    private void Resize(int shift, int length)
    {
        Months = Shifted(Months, shift, length);
        for (var b = 0; b < MonthlyRows.Length; b++)
        {
            MonthlyRows[b] = Shifted(MonthlyRows[b], shift, length);
            RollingRows[b] = Shifted(RollingRows[b], shift, length);
        }
    }

    private static T[] Shifted<T>(T[] old, int shift, int length)
    {
        var a = new T[length];
        Array.Copy(old, 0, a, shift, old.Length);
        return a;
    }

    private static IndexRow?[][] NewRowArrays(int bases)
    {
        var a = new IndexRow?[bases][];
        for (var i = 0; i < bases; i++)
        {
            a[i] = [];
        }

        return a;
    }
}
