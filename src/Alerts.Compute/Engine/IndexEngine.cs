using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine;

/// <summary>
/// Groups partner-scoped observations into series (reporter, product, flow) and periods, keeps exact
/// per-partner sums per series and period, and emits <see cref="IndexRow"/>s for every configured basis
/// and window (rolling windows slide: a month is added and one removed per step). Results depend only on
/// the data, not on its order or chunking. Not thread-safe. The pipeline computes each series from its
/// snapshot in one go, so the engine keeps no state between computations worth updating in place.
/// </summary>
public sealed partial class IndexEngine
{
    private readonly IndexEngineOptions options;
    private readonly Dictionary<ulong, int> seriesIds = [];
    private readonly List<SeriesState> series = [];
    private readonly CodeTable reporters = new();
    private readonly CodeTable products = new();
    private readonly CodeTable partners = new();
    private readonly SeriesComputer computer;
    private int[] canonicalOrder = [];

    public IndexEngine(IndexEngineOptions? options = null)
    {
        this.options = options ?? new IndexEngineOptions();
        if (this.options.Windows.Count == 0 || this.options.Bases.Count == 0)
        {
            throw new ArgumentException("IndexEngineOptions needs at least one window and one basis.", nameof(options));
        }

        computer = new SeriesComputer(this.options, partners);
    }

    /// <summary>Number of series held.</summary>
    public int SeriesCount => series.Count;

    /// <summary>Computes every row of <paramref name="observations"/> in one go.</summary>
    public static IReadOnlyList<IndexRow> Compute(IEnumerable<TradeObservation> observations, IndexEngineOptions? options = null)
    {
        var engine = new IndexEngine(options);
        engine.Add(observations);
        return engine.Recompute();
    }

    /// <summary>Adds observations to what is held; amounts for the same partner and period are summed.</summary>
    public void Add(IEnumerable<TradeObservation> observations) => Add(TradeBatch.From(observations));

    /// <inheritdoc cref="Add(IEnumerable{TradeObservation})"/>
    public void Add(TradeBatch batch) => Load(batch);

    /// <summary>
    /// Computes every row of what is held, ordered by reporter, product, flow (ordinal), then basis and window
    /// in option order, then period. Adding more afterwards and calling it again gives every row again.
    /// </summary>
    public IReadOnlyList<IndexRow> Recompute()
    {
        var output = new List<IndexRow>();
        foreach (var id in CanonicalOrder())
        {
            computer.Recompute(series[id], output);
        }

        return output;
    }

    /// <summary>
    /// The supplier shares behind a row, largest first (ties by code); empty when the series or period is unknown.
    /// </summary>
    public IReadOnlyList<SupplierShare> Shares(SeriesKey key, Basis basis, IndexWindow window, Period period)
    {
        var r = reporters.Find(key.Reporter);
        var p = products.Find(key.Product);
        if (r < 0 || p < 0 || !seriesIds.TryGetValue(SeriesKeyOf(r, p, key.Flow), out var id))
        {
            return [];
        }

        var s = series[id];
        var acc = computer.Accumulator;
        acc.EnsureCapacity(partners.Count);
        acc.Clear();
        ReadOnlySpan<PartnerSums> entries;
        if (window == IndexWindow.Monthly && !period.IsAnnual)
        {
            entries = s.MonthEntries(MonthIndex(period));
        }
        else if (window == IndexWindow.Annual && period.IsAnnual && s.Annual is not null && s.Annual.TryGetValue(period.Year, out var c) && c.Count > 0)
        {
            entries = c.Entries;
        }
        else
        {
            var (from, to) = window switch
            {
                IndexWindow.Annual when period.IsAnnual => (period.Year * 12, (period.Year * 12) + 11),
                IndexWindow.Rolling12 when !period.IsAnnual => (MonthIndex(period) - 11, MonthIndex(period)),
                _ => (0, -1),
            };
            for (var m = from; m <= to; m++)
            {
                acc.Add(s.MonthEntries(m));
            }

            entries = acc.Snapshot();
        }

        var b = BasisSlot(basis);
        var v = computer.Kernel.Compute(entries, b);
        var shares = new List<SupplierShare>(v.Suppliers);
        foreach (var rank in computer.Kernel.LastRanking)
        {
            var amount = entries[rank.Entry].Amount(b);
            shares.Add(new SupplierShare(partners.Codes[rank.Partner], amount, (double)(amount / v.Total)));
        }

        acc.Clear();
        return shares;
    }

    internal static int MonthIndex(Period p) => (p.Year * 12) + p.Month - 1;

    private static int BasisSlot(Basis b) => b == Basis.Weight ? 0 : 1;

    private static ulong SeriesKeyOf(int reporter, int product, TradeFlow flow) =>
        ((ulong)(uint)reporter << 34) | ((ulong)(uint)product << 2) | (ulong)flow;

    private void Load(TradeBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var seriesMap = new SeriesState[batch.SeriesCount];
        for (var i = 0; i < seriesMap.Length; i++)
        {
            var (r, p, f) = batch.SeriesAt(i);
            seriesMap[i] = SeriesFor(reporters.Intern(batch.Reporters[r]), products.Intern(batch.Products[p]), f);
        }

        var partnerMap = new int[batch.Partners.Count];
        for (var i = 0; i < partnerMap.Length; i++)
        {
            partnerMap[i] = partners.Intern(batch.Partners[i]);
        }

        var seriesColumn = batch.SeriesColumn;
        var partnerColumn = batch.PartnerColumn;
        var periodColumn = batch.PeriodColumn;
        var weights = batch.WeightColumn;
        var values = batch.ValueColumn;
        var flags = batch.FlagsColumn;
        // Rows of one cell usually come together (Comext files are sorted): handle each run with one cell
        // lookup and one exact allocation.
        var n = seriesColumn.Length;
        for (var i = 0; i < n;)
        {
            var batchSeries = seriesColumn[i];
            var code = periodColumn[i];
            var j = i + 1;
            while (j < n && seriesColumn[j] == batchSeries && periodColumn[j] == code)
            {
                j++;
            }

            var s = seriesMap[batchSeries];
            var month = code & 15;
            ref var cell = ref month == 0 ? ref s.AnnualCell(code >> 4) : ref s.MonthCell(((code >> 4) * 12) + month - 1);
            cell.Reserve(j - i);
            for (var k = i; k < j; k++)
            {
                cell.Add(partnerMap[partnerColumn[k]], flags[k], weights[k], values[k]);
            }

            i = j;
        }
    }

    private SeriesState SeriesFor(int reporter, int product, TradeFlow flow)
    {
        var key = SeriesKeyOf(reporter, product, flow);
        if (!seriesIds.TryGetValue(key, out var id))
        {
            id = series.Count;
            series.Add(new SeriesState(reporters[reporter], products[product], flow, 2));
            seriesIds.Add(key, id);
        }

        return series[id];
    }

    private int[] CanonicalOrder()
    {
        if (canonicalOrder.Length != series.Count)
        {
            var order = new int[series.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) =>
            {
                var x = series[a];
                var y = series[b];
                var c = string.CompareOrdinal(x.Reporter, y.Reporter);
                if (c == 0)
                {
                    c = string.CompareOrdinal(x.Product, y.Product);
                }

                return c != 0 ? c : x.Flow.CompareTo(y.Flow);
            });
            canonicalOrder = order;
        }

        return canonicalOrder;
    }
}
