using System.Text.Json.Serialization;
using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Compute.SupplyRisk;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Functions.Pull;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;

namespace Alerts.Functions.Compute;

/// <summary>
/// One computed index row as the HTTP API shows it (field names as in <c>alerts indices</c>). The index fields
/// (<c>total</c> ... <c>entropy</c>) are written from <see cref="Indices"/> by the index set's declaration, before
/// <c>window</c> (<see cref="IndexJson"/>).
/// </summary>
/// <param name="Indices">The row's indices; written as the fields of <see cref="IndexFields.Stored"/>, not as an object.</param>
/// <param name="Window"><c>published</c> (the periods as in the data) or <c>rolling12</c> (the 12 months to <paramref name="Period"/>), as rules name it.</param>
/// <param name="MonthsCovered">Months with data in a rolling window (below 12: <paramref name="Complete"/> is false); null for published periods.</param>
/// <param name="ChangeFromPrevious">Against the previous period of the same window; null without a comparable earlier row.</param>
/// <param name="ChangeFromYearAgo">Against the same period a year earlier; null as for <paramref name="ChangeFromPrevious"/>.</param>
/// <param name="IntraEuTotal">For an EU reporter: the flow with member states, which the indices leave out; null for other reporters.</param>
/// <param name="Crma">CRMA shares of an annual import row (import proxy; consumption proxy when production is configured); null on other rows.</param>
/// <param name="SupplyRisk">Supply risk of the stage the product feeds, when the supply-risk parameters link it; null otherwise.</param>
/// <param name="Source">The source the series comes from: <c>comext</c> or <c>comtrade</c> (<c>Pull__Sources</c>).</param>
/// <param name="Benchmark">The EU's own share of the stage against the CRMA 10% (extraction) / 40% (processing) benchmarks,
/// beside the 65% test; annual import rows with production known (<c>SupplyRisk__ProductionPath</c>), else null.</param>
/// <param name="Mirror">The mirror check of the year: EU-reported imports against partner-reported exports to the EU per
/// partner; on the EU's annual weight import rows of a product when both sources are pulled, else null.</param>
public sealed record IndexSummary(
    string Reporter,
    string Product,
    string Flow,
    string Period,
    string Basis,
    [property: JsonIgnore] ConcentrationIndices Indices,
    string Window,
    int? MonthsCovered,
    bool Complete,
    IndexChangeSummary? ChangeFromPrevious,
    IndexChangeSummary? ChangeFromYearAgo,
    decimal? IntraEuTotal,
    CrmaSummary? Crma,
    SupplyRiskSummary? SupplyRisk,
    string Source = "comext",
    BenchmarkSummary? Benchmark = null,
    MirrorSummary? Mirror = null)
{
    /// <summary>A computed row (its CRMA shares and supply risk summarised from it).</summary>
    public static IndexSummary From(SeriesIndices s) => From(s, SupplySummary.From(s));

    /// <summary>A stored row, with its stored CRMA shares and supply risk.</summary>
    public static IndexSummary From(StoredIndices stored) => From(stored.Indices, stored.Supply);

    private static IndexSummary From(SeriesIndices s, SupplySummary? supply) => new(
        s.Series.Reporter,
        s.Series.Product,
        s.Series.Flow.ToString().ToLowerInvariant(),
        s.Period.ToString(),
        s.Basis.ToString().ToLowerInvariant(),
        s.Indices,
        s.Window.ToName(),
        s.MonthsCovered,
        s.IsComplete,
        IndexChangeSummary.From(s.ChangeFromPrevious, s.Indices.TopSupplier),
        IndexChangeSummary.From(s.ChangeFromYearAgo, s.Indices.TopSupplier),
        s.IntraEuTotal,
        supply?.Crma,
        supply?.SupplyRisk,
        s.Series.Source,
        supply?.Benchmark,
        supply?.Mirror);
}
