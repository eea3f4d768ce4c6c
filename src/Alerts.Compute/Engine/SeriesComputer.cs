using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine;

/// <summary>
/// Recomputes the dirty part of a series: monthly rows of the changed months, rolling windows that contain
/// them (sliding), annual rows of their years, and the changes of later rows that refer to them.
/// One per thread.
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

    /// <summary>Recomputes <paramref name="s"/>'s dirty periods and appends the new or changed rows in output order.</summary>
    public void Recompute(SeriesState s, List<IndexRow> output)
    {
        accumulator.EnsureCapacity(partners.Count);
        foreach (var p in pending)
        {
            p.Clear();
        }

        if (s.DirtyFrom <= s.DirtyTo)
        {
            var from = Math.Max(s.DirtyFrom, s.FirstMonth);
            var to = Math.Min(s.DirtyTo, s.LastMonth);
            if (monthly)
            {
                ComputeMonthly(s, from, to);
            }

            if (rolling)
            {
                // Ends between the previous last month and new later data had no window before.
                var rollFrom = s.ComputedLastMonth >= s.FirstMonth && s.ComputedLastMonth < from ? s.ComputedLastMonth + 1 : from;
                ComputeRolling(s, rollFrom, Math.Min(to + 11, s.LastMonth));
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

        RefreshMonthlyChanges(s, s.MonthlyRows, IndexWindow.Monthly, to);
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
        RefreshMonthlyChanges(s, s.RollingRows, IndexWindow.Rolling12, to);
    }

    private void ComputeAnnual(SeriesState s)
    {
        var years = new SortedSet<int>(s.DirtyYears);
        if (s.DirtyFrom <= s.DirtyTo)
        {
            for (var y = s.DirtyFrom / 12; y <= s.DirtyTo / 12; y++)
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
        foreach (var y in years)
        {
            if (years.Contains(y + 1))
            {
                continue;
            }

            for (var bi = 0; bi < bases.Length; bi++)
            {
                var rows = s.AnnualRows[bi];
                if (rows.TryGetValue(y + 1, out var next))
                {
                    var before = rows.GetValueOrDefault(y);
                    var refreshed = WithChanges(next, before, before);
                    if (!ReferenceEquals(refreshed, next))
                    {
                        rows[y + 1] = refreshed;
                        pending[(bi * 3) + (int)IndexWindow.Annual].Add(refreshed);
                    }
                }
            }
        }

        // Refreshed years can fall between recomputed ones (2020 and 2022 dirty, 2021 refreshed).
        for (var bi = 0; bi < bases.Length; bi++)
        {
            pending[(bi * 3) + (int)IndexWindow.Annual].Sort(static (a, b) => a.Period.CompareTo(b.Period));
        }
    }

    // Rows after the recomputed range whose previous-period or year-ago reference was recomputed.
    private void RefreshMonthlyChanges(SeriesState s, IndexRow?[][] byBasis, IndexWindow window, int to)
    {
        for (var bi = 0; bi < bases.Length; bi++)
        {
            var rows = byBasis[bi];
            for (var m = to + 1; m <= Math.Min(to + 12, s.LastMonth); m++)
            {
                if (s.Row(rows, m) is not { } row)
                {
                    continue;
                }

                var refreshed = WithChanges(row, s.Row(rows, m - 1), s.Row(rows, m - 12));
                if (!ReferenceEquals(refreshed, row))
                {
                    rows[m - s.Base] = refreshed;
                    pending[(bi * 3) + (int)window].Add(refreshed);
                }
            }
        }
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

    private static IndexRow WithChanges(IndexRow row, IndexRow? previous, IndexRow? yearAgo)
    {
        var p = previous is null ? (IndexChange?)null : IndexChange.Between(row, previous);
        var y = yearAgo is null ? (IndexChange?)null : IndexChange.Between(row, yearAgo);
        return p == row.ChangeFromPrevious && y == row.ChangeFromYearAgo ? row : row with { ChangeFromPrevious = p, ChangeFromYearAgo = y };
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
