namespace Alerts.Compute.Engine;

/// <summary>One-shot streaming: rows series by series, memory released as it goes.</summary>
public sealed partial class IndexEngine
{
    /// <summary>
    /// Computes every series held, one at a time in output order (reporter, product, flow; ordinal), and yields that
    /// series' rows (basis and window in option order, then period) before freeing its sums and rows, so output can be
    /// written while the engine shrinks. <see cref="Shares"/> works for the series just yielded, during the yield. The
    /// engine is empty afterwards. The list yielded is reused: copy what you keep. <paramref name="windows"/> narrows the
    /// options' windows (e.g. to the monthly window once the data turned out to have no annual periods).
    /// </summary>
    public IEnumerable<IReadOnlyList<IndexRow>> Drain(IReadOnlyList<IndexWindow>? windows = null)
    {
        var order = CanonicalOrder();
        var rows = new List<IndexRow>();
        var drainer = windows is null ? computer : new SeriesComputer(new IndexEngineOptions { Windows = windows, Bases = options.Bases }, partners);
        foreach (var id in order)
        {
            rows.Clear();
            drainer.Recompute(series[id], rows);
            yield return rows;
            series[id] = Released;
        }

        series.Clear();
        seriesIds.Clear();
        canonicalOrder = [];
    }

    /// <summary>
    /// <see cref="Drain"/> with the series computed on <paramref name="workers"/> threads, a block of series at a time
    /// and a few blocks ahead of the caller: <paramref name="map"/> turns each series' rows into what the caller
    /// wants (e.g. their text) on the worker, and the results come back in output order. <see cref="Shares"/> is not
    /// available meanwhile.
    /// </summary>
    public IEnumerable<T> Drain<T>(IReadOnlyList<IndexWindow> windows, int workers, Func<IReadOnlyList<IndexRow>, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var order = CanonicalOrder();
        const int BlockSize = 32;
        var blocks = (order.Length + BlockSize - 1) / BlockSize;
        var pool = new System.Collections.Concurrent.ConcurrentBag<SeriesComputer>();
        var blockOptions = new IndexEngineOptions { Windows = windows, Bases = options.Bases };
        var pending = new Queue<Task<List<T>>>();
        var next = 0;
        while (next < blocks || pending.Count > 0)
        {
            while (next < blocks && pending.Count < workers * 2)
            {
                var block = next++;
                pending.Enqueue(Task.Run(() =>
                {
                    var worker = pool.TryTake(out var c) ? c : new SeriesComputer(blockOptions, partners);
                    var rows = new List<IndexRow>();
                    var results = new List<T>(BlockSize);
                    for (var i = block * BlockSize; i < Math.Min(order.Length, (block + 1) * BlockSize); i++)
                    {
                        rows.Clear();
                        worker.Recompute(series[order[i]], rows);
                        results.Add(map(rows));
                        series[order[i]] = Released;
                    }

                    pool.Add(worker);
                    return results;
                }));
            }

            foreach (var result in pending.Dequeue().GetAwaiter().GetResult())
            {
                yield return result;
            }
        }

        series.Clear();
        seriesIds.Clear();
        canonicalOrder = [];
    }

    private static readonly SeriesState Released = new(string.Empty, string.Empty, Alerts.Pull.Statistics.TradeFlow.Import, 1);
}

/// <summary>Direct loading for fast readers in this assembly (<see cref="SdmxCsvEngineLoader"/>).</summary>
public sealed partial class IndexEngine
{
    /// <summary>The series (created when new) rows of that reporter, product and flow go to.</summary>
    internal SeriesState Series(string reporter, string product, Alerts.Pull.Statistics.TradeFlow flow) => SeriesFor(reporters.Intern(reporter), products.Intern(product), flow);

    /// <summary>The engine's id of a partner code.</summary>
    internal int Partner(string code) => partners.Intern(code);
}
