using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine;

/// <summary>
/// Computes the rows of a series: monthly rows, rolling windows (sliding: one month in, one out per step) and
/// annual rows (from annual data, or summed from the year's months), each with its changes. One per thread.
/// </summary>
internal sealed class SeriesComputer
{
    private readonly IndexEngineOptions options;
    private readonly ConcentrationKernel kernel;
    private readonly PartnerAccumulator accumulator = new();
    private readonly CodeTable partners;
    private readonly List<IndexRow>[] pending;
    private readonly int[] bases;
    private readonly bool monthly;
    private readonly bool annual;
    private readonly bool rolling;

    public SeriesComputer(IndexEngineOptions options, CodeTable partners)
    {
        this.options = options;
        this.partners = partners;
        kernel = new ConcentrationKernel(partners);
        bases = options.Bases.Select(b => b == Basis.Weight ? 0 : 1).ToArray();
        monthly = options.Windows.Contains(IndexWindow.Monthly);
        annual = options.Windows.Contains(IndexWindow.Annual);
        rolling = options.Windows.Contains(IndexWindow.Rolling12);
        pending = new List<IndexRow>[bases.Length * 3];
        for (var i = 0; i < pending.Length; i++)
        {
            pending[i] = [];
        }
    }

    public ConcentrationKernel Kernel => kernel;

    public PartnerAccumulator Accumulator => accumulator;

    /// <summary>Computes every row of <paramref name="s"/> and appends them in output order.</summary>
    public void Recompute(SeriesState s, List<IndexRow> output)
    {
        accumulator.EnsureCapacity(partners.Count);
        foreach (var p in pending)
        {
            p.Clear();
        }

        if (s.FirstMonth <= s.LastMonth)
        {
            if (monthly)
            {
                ComputeMonthly(s, s.FirstMonth, s.LastMonth);
            }

            if (rolling)
            {
                ComputeRolling(s, s.FirstMonth, s.LastMonth);
            }
        }

        if (annual)
        {
            ComputeAnnual(s);
        }

        foreach (var b in options.Bases)
        {
            var bi = Array.IndexOf(bases, b == Basis.Weight ? 0 : 1);
            foreach (var w in options.Windows)
            {
                output.AddRange(pending[(bi * 3) + (int)w]);
            }
        }
    }

    private void ComputeMonthly(SeriesState s, int from, int to)
    {
        for (var m = from; m <= to; m++)
        {
            var cell = s.MonthEntries(m);
            for (var bi = 0; bi < bases.Length; bi++)
            {
                var rows = s.MonthlyRows[bi];
                if (cell.Length == 0)
                {
                    rows[m - s.Base] = null;
                    continue;
                }

                var v = kernel.Compute(cell, bases[bi]);
                var row = Build(s, bi, IndexWindow.Monthly, Month(m), v, 1, false, s.Row(rows, m - 1), s.Row(rows, m - 12));
                rows[m - s.Base] = row;
                pending[(bi * 3) + (int)IndexWindow.Monthly].Add(row);
            }
        }
    }

    private void ComputeRolling(SeriesState s, int from, int to)
    {
        accumulator.Clear();
        var covered = 0;
        for (var m = from - 11; m <= from; m++)
        {
            covered += AddMonth(s, m);
        }

        for (var end = from; end <= to; end++)
        {
            if (end > from)
            {
                covered += AddMonth(s, end);
                var leaving = s.MonthEntries(end - 12);
                if (leaving.Length > 0)
                {
                    accumulator.Remove(leaving);
                    covered--;
                }
            }

            var window = covered > 0 ? accumulator.Snapshot() : default;
            for (var bi = 0; bi < bases.Length; bi++)
            {
                var rows = s.RollingRows[bi];
                if (covered == 0)
                {
                    rows[end - s.Base] = null;
                    continue;
                }

                var v = kernel.Compute(window, bases[bi]);
                var row = Build(s, bi, IndexWindow.Rolling12, Month(end), v, covered, false, s.Row(rows, end - 1), s.Row(rows, end - 12));
                rows[end - s.Base] = row;
                pending[(bi * 3) + (int)IndexWindow.Rolling12].Add(row);
            }
        }

        accumulator.Clear();
    }

    private void ComputeAnnual(SeriesState s)
    {
        var years = new SortedSet<int>(s.Annual?.Keys ?? Enumerable.Empty<int>());
        if (s.FirstMonth <= s.LastMonth)
        {
            for (var y = s.FirstMonth / 12; y <= s.LastMonth / 12; y++)
            {
                years.Add(y);
            }
        }

        foreach (var y in years)
        {
            var hasAnnual = s.Annual is not null && s.Annual.TryGetValue(y, out var c) && c.Count > 0;
            ReadOnlySpan<PartnerSums> entries;
            var covered = 12;
            if (hasAnnual)
            {
                entries = s.Annual![y].Entries;
            }
            else
            {
                accumulator.Clear();
                covered = 0;
                for (var m = y * 12; m < (y * 12) + 12; m++)
                {
                    covered += AddMonth(s, m);
                }

                entries = covered > 0 ? accumulator.Snapshot() : default;
            }

            for (var bi = 0; bi < bases.Length; bi++)
            {
                var rows = s.AnnualRows[bi];
                if (covered == 0)
                {
                    rows.Remove(y);
                    continue;
                }

                var v = kernel.Compute(entries, bases[bi]);
                var before = rows.GetValueOrDefault(y - 1);
                var row = Build(s, bi, IndexWindow.Annual, Period.Annual(y), v, covered, hasAnnual, before, before);
                rows[y] = row;
                pending[(bi * 3) + (int)IndexWindow.Annual].Add(row);
            }
        }

        accumulator.Clear();
    }

    private int AddMonth(SeriesState s, int m)
    {
        var cell = s.MonthEntries(m);
        if (cell.Length == 0)
        {
            return 0;
        }

        accumulator.Add(cell);
        return 1;
    }

    private IndexRow Build(SeriesState s, int bi, IndexWindow window, Period period, in IndexValues v, int covered, bool fromAnnual, IndexRow? previous, IndexRow? yearAgo)
    {
        var hhi = v.HhiFraction * 10000d;
        return IndexRow.Of(
            s.Reporter,
            s.Product,
            s.Flow,
            bases[bi] == 0 ? Basis.Weight : Basis.Value,
            window,
            period,
            v,
            v.TopPartner < 0 ? null : partners.Codes[v.TopPartner],
            covered,
            fromAnnual,
            previous is null ? null : IndexChange.Between(v, hhi, previous),
            yearAgo is null ? null : IndexChange.Between(v, hhi, yearAgo));
    }

    private static Period Month(int m) => new(m / 12, (m % 12) + 1);
}
