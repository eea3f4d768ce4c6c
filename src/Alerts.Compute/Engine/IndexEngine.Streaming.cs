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
