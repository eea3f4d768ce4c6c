
using Alerts.Compute.Engine;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Series;

/// <summary>
/// Step 2's CRMA and supply-risk part: from the whole product's observations (imports and, when pulled, exports),
/// the CRMA shares and supply risks of its annual import rows, with the operator's <see cref="SupplyRiskInputs"/>.
/// </summary>
public sealed class SupplyMetricsSource(SupplyRiskInputs inputs)
{
    /// <summary>Identifies the operator's files the metrics are computed with (<see cref="SupplyRiskInputs.Fingerprint"/>).</summary>
    public string InputsFingerprint => inputs.Fingerprint;

    /// <summary>
    /// <paramref name="indices"/> with <see cref="SeriesIndices.Crma"/> and <see cref="SeriesIndices.SupplyRisk"/> set on
    /// the annual import rows, computed from <paramref name="productObservations"/> (which must hold the export series
    /// too for the consumption proxy); other rows unchanged.
    /// </summary>
    public IReadOnlyList<SeriesIndices> Enrich(IReadOnlyList<SeriesIndices> indices, IReadOnlyList<TradeObservation> productObservations)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(productObservations);
        if (!indices.Any(i => i.Period.IsAnnual && i.Series.Flow == TradeFlow.Import))
        {
            return indices;
        }

        var metrics = SupplyMetricsCalculator.Compute(productObservations, inputs);
        return [.. indices.Select(metrics.Enrich)];
    }
}
