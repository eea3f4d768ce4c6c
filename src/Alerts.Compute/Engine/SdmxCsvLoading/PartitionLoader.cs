using System.Collections.Concurrent;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>
/// Adds the rows of one partition (a share of the series) to the engine's per-partner sums. A repeated indicator is
/// caught by marks on the per-partner entries, and on a <see cref="CellSet"/> for rows without an amount and
/// partners out of scope.
/// </summary>
internal sealed class PartitionLoader(IndexEngine engine, PartnerScopeKind scope, SharedCodes parser)
{
    private const byte WeightSeen = 4;
    private const byte ValueSeen = 8;

    // Rows ahead of the one being added whose month cell, then whose partner entries, are prefetched (see CachePrefetch).
    private const int CellAhead = 32;
    private const int EntriesAhead = 16;

    private readonly List<sbyte[]> inScope = []; // [reporter][partner]: 0 unknown, 1 in, -1 out
    private readonly List<SeriesState?[]> series = []; // [reporter][product * 2 + export]
    private int[] partnerIds = [];
    private readonly EntrySlabs slabs = new();
    private CellSet others = new(1 << 10); // rows without an amount, or out of scope

    public bool HasAnnual { get; private set; }

    public bool HasMonthly { get; private set; }

    /// <summary>The first repeated indicator this partition met (then it stopped).</summary>
    public DuplicateRow? Duplicate { get; private set; }

    /// <summary>The parser's problem, when this partition reached it.</summary>
    public TradeDataFormatException? Error { get; private set; }

    /// <summary>The parser handed the file back to the general reader, and this partition reached that point.</summary>
    public bool Unsupported { get; private set; }

    /// <summary>Adds every chunk of one partition; stops everyone at the first problem.</summary>
    public void ConsumeAll(BlockingCollection<RowChunk> queue, ConcurrentBag<RowChunk> empty, CancellationTokenSource stop)
    {
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable(stop.Token))
            {
                Duplicate = Consume(chunk);
                Error = Duplicate is null ? chunk.Error : null;
                Unsupported = Duplicate is null && Error is null && chunk.Unsupported;
                if (Duplicate is not null || Error is not null || Unsupported)
                {
                    stop.Cancel();
                    return;
                }

                chunk.Count = 0;
                empty.Add(chunk);
            }
        }
        catch (OperationCanceledException)
        {
            // another partition stopped
        }
    }

    /// <summary>Adds a chunk's rows to the engine; the first repeated indicator, if any.</summary>
    private DuplicateRow? Consume(RowChunk chunk)
    {
        var rows = chunk.Rows;
        var count = chunk.Count;
        for (var i = 0; i < count; i++)
        {
            if (i + CellAhead < count)
            {
                Prefetch(in rows[i + CellAhead], entries: false);
            }

            if (i + EntriesAhead < count)
            {
                Prefetch(in rows[i + EntriesAhead], entries: true);
            }

            ref var r = ref rows[i];
            var indicator = r.Kind & 3;
            var flow = (r.Kind & 4) != 0 ? TradeFlow.Export : TradeFlow.Import;
            var noAmount = (r.Kind & 8) != 0;
            var ok = true;
            if (!InScope(r.Reporter, r.Partner))
            {
                ok = others.Add(CellSet.Key(r.Reporter, r.Partner, r.Product, flow, r.PeriodCode), indicator);
            }
            else if (noAmount)
            {
                // No entry for a row without an amount (it is not an observation): only the marks are checked.
                var s = SeriesOf(r.Reporter, r.Product, flow, create: false);
                var seen = indicator == 1 ? WeightSeen : ValueSeen;
                ok = (s is null || !Marked(Entries(s, r.PeriodCode), PartnerId(r.Partner), seen))
                    && others.Add(CellSet.Key(r.Reporter, r.Partner, r.Product, flow, r.PeriodCode), indicator);
            }
            else
            {
                var s = SeriesOf(r.Reporter, r.Product, flow, create: true)!;
                var code = r.PeriodCode;
                ref var cell = ref (code & 15) == 0 ? ref s.AnnualCell(code >> 4) : ref s.MonthCell(((code >> 4) * 12) + (code & 15) - 1);
                var seen = indicator == 1 ? WeightSeen : ValueSeen;
                ok = Add(ref cell, PartnerId(r.Partner), seen, indicator, r.Amount)
                    && (others.Count == 0 || !others.Contains(CellSet.Key(r.Reporter, r.Partner, r.Product, flow, code), indicator));
                if ((code & 15) == 0)
                {
                    HasAnnual = true;
                }
                else
                {
                    HasMonthly = true;
                }
            }

            if (!ok)
            {
                return new DuplicateRow(r.Line, r.Reporter, r.Partner, r.Product, flow, r.PeriodCode, indicator);
            }
        }

        return null;
    }

    /// <summary>
    /// Brings a monthly row's cell (or, with <paramref name="entries"/>, the start of its partner entries) into cache,
    /// when its series and month already exist; reads only, so rows still change the engine in file order.
    /// </summary>
    private void Prefetch(in ParsedRow r, bool entries)
    {
        var code = r.PeriodCode;
        if ((code & 15) == 0 || r.Reporter >= series.Count)
        {
            return;
        }

        var byProduct = series[r.Reporter];
        var slot = (r.Product * 2) + ((r.Kind & 4) != 0 ? 1 : 0);
        if (slot >= byProduct.Length || byProduct[slot] is not { } s)
        {
            return;
        }

        var months = s.Months;
        var i = ((code >> 4) * 12) + (code & 15) - 1 - s.Base;
        if ((uint)i >= (uint)months.Length)
        {
            return;
        }

        if (!entries)
        {
            CachePrefetch.Line(ref months[i]);
        }
        else if (months[i] is { Items: { } items, Count: > 0 } cell)
        {
            // Entries are 40 bytes: three lines cover the first four, where a partner is found half the time.
            CachePrefetch.Lines(ref items[cell.Offset], 3);
        }
    }

    private static ReadOnlySpan<PartnerSums> Entries(SeriesState s, int code) =>
        (code & 15) != 0 ? s.MonthEntries(((code >> 4) * 12) + (code & 15) - 1)
        : s.Annual is { } annual && annual.TryGetValue(code >> 4, out var cell) ? cell.Entries : [];

    private static bool Marked(ReadOnlySpan<PartnerSums> entries, int partner, byte seen)
    {
        foreach (ref readonly var e in entries)
        {
            if (e.Partner == partner)
            {
                return (e.Flags & seen) != 0;
            }
        }

        return false;
    }

    /// <summary>Adds an amount to the partner's entry, marking the indicator seen; false when it already was.</summary>
    private bool Add(ref Cell cell, int partner, byte seen, int indicator, decimal amount)
    {
        var items = cell.Items;
        var n = cell.Count;
        var entries = items.AsSpan(cell.Offset, n);
        for (var j = 0; j < entries.Length; j++)
        {
            ref var e = ref entries[j];
            if (e.Partner == partner)
            {
                if ((e.Flags & seen) != 0)
                {
                    return false;
                }

                if (indicator == 1)
                {
                    e.Weight += amount;
                    e.Flags |= (byte)(seen | PartnerSums.WeightReported);
                }
                else
                {
                    e.Value += amount;
                    e.Flags |= (byte)(seen | PartnerSums.ValueReported);
                }

                return true;
            }
        }

        if (cell.Offset == 0 && items is not null)
        {
            // An array of the cell's own (the engine had rows before this file): it grows as the engine's cells do.
            if (n == items.Length)
            {
                Array.Resize(ref cell.Items, n * 2);
            }
        }
        else if (EntrySlabs.Full(n))
        {
            slabs.Grow(ref cell);
        }

        cell.Items![cell.Offset + n] = indicator == 1
            ? new PartnerSums { Partner = partner, Flags = (byte)(seen | PartnerSums.WeightReported), Weight = amount }
            : new PartnerSums { Partner = partner, Flags = (byte)(seen | PartnerSums.ValueReported), Value = amount };
        cell.Count = n + 1;
        return true;
    }

    private int PartnerId(int partner)
    {
        if (partner >= partnerIds.Length)
        {
            var old = partnerIds.Length;
            Array.Resize(ref partnerIds, Math.Max(partner + 1, old * 2));
            partnerIds.AsSpan(old).Fill(-1);
        }

        ref var id = ref partnerIds[partner];
        if (id < 0)
        {
            var name = parser.Partners.Name(partner);
            lock (engine)
            {
                id = engine.Partner(name);
            }
        }

        return id;
    }

    private SeriesState? SeriesOf(int reporter, int product, TradeFlow flow, bool create)
    {
        while (series.Count <= reporter)
        {
            series.Add([]);
        }

        var slot = (product * 2) + (flow == TradeFlow.Export ? 1 : 0);
        var byProduct = series[reporter];
        if (slot >= byProduct.Length)
        {
            Array.Resize(ref byProduct, Math.Max(slot + 2, byProduct.Length * 2));
            series[reporter] = byProduct;
        }

        if (byProduct[slot] is null && create)
        {
            var (r, p) = (parser.Reporters.Name(reporter), parser.Products.Name(product));
            lock (engine)
            {
                byProduct[slot] = engine.Series(r, p, flow);
            }
        }

        return byProduct[slot];
    }

    private bool InScope(int reporter, int partner)
    {
        while (inScope.Count <= reporter)
        {
            inScope.Add(new sbyte[4096]);
        }

        ref var known = ref inScope[reporter][partner];
        if (known == 0)
        {
            known = PartnerScope.Includes(scope, parser.Reporters.Name(reporter), parser.Partners.Name(partner)) ? (sbyte)1 : (sbyte)-1;
        }

        return known > 0;
    }
}
