
using Alerts.Compute.Engine;
using Alerts.Compute.Stockpiling;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Series;

/// <summary>
/// Step 2's CRMA and supply-risk part: from the whole product's observations (imports and, when pulled, exports),
/// the CRMA shares and supply risks of its annual import rows, with the operator's <see cref="SupplyRiskInputs"/>.
/// </summary>
public sealed class SupplyMetricsSource(SupplyRiskInputs inputs, StockTable stocks, CommodityCatalog catalog)
{
    /// <summary>Identifies the operator's files the metrics are computed with (<see cref="SupplyRiskInputs.Fingerprint"/>, and the stock file's when set).</summary>
    public string InputsFingerprint => stocks.Entries.Count == 0 ? inputs.Fingerprint : $"{inputs.Fingerprint}+stocks:{stocks.Fingerprint}";

    /// <summary>
    /// <paramref name="indices"/> with <see cref="SeriesIndices.Crma"/> and <see cref="SeriesIndices.SupplyRisk"/> set on
    /// the annual import rows, computed from <paramref name="productObservations"/> (which must hold the export series
    /// too for the consumption proxy); other rows unchanged.
    /// </summary>
    public IReadOnlyList<SeriesIndices> Enrich(IReadOnlyList<SeriesIndices> indices, IReadOnlyList<TradeObservation> productObservations)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(productObservations);
        indices = WithCover(indices, productObservations);
        if (!indices.Any(i => i.Period.IsAnnual && i.Series.Flow == TradeFlow.Import))
        {
            return indices;
        }

        var metrics = SupplyMetricsCalculator.Compute(productObservations, inputs);
        var stage = BenchmarkStage(indices[0].Series.Product);
        return [.. indices.Select(metrics.Enrich).Select(i => stage is { } s && i.Crma is { } crma ? i with { Benchmark = StageBenchmark.For(crma, s) } : i)];
    }

    // The stage a product or series is measured at for the CRMA benchmarks: its own (id/stage), or the one stage the
    // catalog files the code under; null when it is several or none (StageBenchmark then skips downstream itself).
    private ProcessingStage? BenchmarkStage(string product)
    {
        if (CommodityNames.TryParseSeries(product, out _, out var stage))
        {
            return stage;
        }

        return catalog.Classify(product).Select(c => c.Stage).Distinct().ToList() is [var only] ? only : null;
    }

    /// <summary>
    /// The months of cover of the operator's stock for the commodity stage this series is (<c>id/stage</c>) or stands
    /// in for (the one code of its stage), on the published weight import row of the last period of the 12 months.
    /// </summary>
    private IReadOnlyList<SeriesIndices> WithCover(IReadOnlyList<SeriesIndices> indices, IReadOnlyList<TradeObservation> productObservations)
    {
        if (stocks.Entries.Count == 0 || indices.Count == 0)
        {
            return indices;
        }

        var series = indices[0].Series;
        var stock = StockOf(series.Product);
        if (stock is null || series.Flow != TradeFlow.Import)
        {
            return indices;
        }

        var cover = CoverCalculator.Compute(stock, stock.Series, productObservations.Where(o => o.Reporter == series.Reporter));
        return cover is null
            ? indices
            : [.. indices.Select(i => i.Window == IndexSelection.Published && i.Basis == Basis.Weight && i.Period == cover.Period ? i with { Cover = cover } : i)];
    }

    private StockEntry? StockOf(string product)
    {
        if (CommodityNames.TryParseSeries(product, out _, out _))
        {
            return stocks.For(product);
        }

        return catalog.Classify(product)
            .Where(c => c.Commodity.CodesFor(c.Stage) is [var only] && only == product)
            .Select(c => stocks.For($"{c.Commodity.Id}/{CommodityNames.StageName(c.Stage)}"))
            .FirstOrDefault(s => s is not null);
    }
}
