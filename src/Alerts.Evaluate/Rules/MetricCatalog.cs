using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;
using Alerts.Compute.Series;

namespace Alerts.Evaluate.Rules;

/// <summary>
/// The metrics a rule may test, by name (case-insensitive), each read from <see cref="ConcentrationIndices"/>
/// or, for changes, from <see cref="SeriesIndices"/>. Shares are fractions 0..1 and HHI is 0..10000, as in the
/// <c>indices</c> output; a change is this period's value minus the earlier one. A metric that has no value for
/// a period (a change without an earlier period to compare with) reads as NaN, which neither breaches nor clears.
/// </summary>
public sealed class MetricCatalog
{
    private readonly Dictionary<string, Metric> metrics = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The built-in metrics: every index field of <see cref="IndexFields.All"/> rules may test (hhi, cr1, suppliers, ...);
    /// and for each of those in <see cref="IndexFields.Changed"/> its
    /// change against the previous period (<c>hhiChangeFromPrevious</c>) and a year earlier
    /// (<c>hhiChangeFromYearAgo</c>); <c>totalRelativeChangeFromPrevious</c> / <c>...FromYearAgo</c> (0.1 = +10%);
    /// <c>topSupplierChangedFromPrevious</c> / <c>...FromYearAgo</c> (1 when the top supplier differs, else 0);
    /// on annual import rows <c>crmaImportShare</c> and <c>crmaConsumptionShare</c> (the top third country's share of
    /// imports and of apparent consumption, 0..1; the latter NaN unless production is known) and <c>supplyRisk</c>
    /// (the EU 2017 indicator of the stage the product feeds; NaN unless supply-risk parameters link it).
    /// </summary>
    public static MetricCatalog Default { get; } = CreateDefault();

    /// <summary>Canonical names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. metrics.Values.Select(m => m.Name).Order(StringComparer.Ordinal)];

    /// <summary>Adds a metric; <paramref name="max"/> bounds thresholds so a percentage typed as 65 for a fraction is caught.</summary>
    public MetricCatalog Add(string name, string description, Func<ConcentrationIndices, double> read, double max = double.PositiveInfinity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(read);
        return Add(new Metric(name, description, read, max));
    }

    /// <summary>
    /// Adds a metric read from the whole <see cref="SeriesIndices"/> (e.g. a change against an earlier period);
    /// thresholds must lie in <paramref name="min"/>..<paramref name="max"/>. Return NaN when the period has no value.
    /// </summary>
    public MetricCatalog Add(string name, string description, Func<SeriesIndices, double> read, double min, double max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(read);
        if (!(min <= max))
        {
            throw new ArgumentException($"Metric '{name}': min {min} is above max {max}.", nameof(min));
        }

        // Without the series context (only the indices) such a metric has no value.
        return Add(new Metric(name, description, _ => double.NaN, max) { Min = min, SeriesRead = read });
    }

    public bool Contains(string? name) => name is not null && metrics.ContainsKey(name);

    /// <summary>The metric's canonical name and description.</summary>
    public Metric Get(string name) =>
        name is not null && metrics.TryGetValue(name, out var m)
            ? m
            : throw new KeyNotFoundException(UnknownMessage(name));

    /// <summary>Reads the named metric from <paramref name="indices"/> (NaN for a metric that needs the series, e.g. a change).</summary>
    public double Read(string name, ConcentrationIndices indices) => Get(name).Read(indices);

    /// <summary>Reads the named metric for one period of a series; NaN when it has no value there.</summary>
    public double Read(string name, SeriesIndices input) => Get(name).ValueOf(input);

    /// <summary>"Unknown metric 'x'; known metrics: ...".</summary>
    public string UnknownMessage(string? name) =>
        $"Unknown metric '{name}'; known metrics: {string.Join(", ", Names)}.";

    private static MetricCatalog CreateDefault() => new MetricCatalog()
        .AddLevels()
        .AddChanges("FromPrevious", "the previous period", s => s.ChangeFromPrevious)
        .AddChanges("FromYearAgo", "the same period a year earlier", s => s.ChangeFromYearAgo)
        .Add("crmaImportShare", "CRMA import-share proxy: the top third country's share of extra-EU imports, 0..1 (annual import rows)",
            s => s.Crma is { Partners.Count: > 0 } c ? c.TopImportShare : double.NaN, 0, 1)
        .Add("crmaConsumptionShare", "CRMA consumption-share proxy: the top third country's share of apparent consumption (production + imports - exports), 0..1; NaN when production or exports are unknown",
            s => s.Crma?.TopConsumptionShare ?? double.NaN, 0, 1)
        .Add("supplyRisk", "EU supply risk (2017 criticality method) of the stage the product feeds; 1 is the criticality threshold",
            s => s.SupplyRisk?.Risk.SupplyRisk ?? double.NaN, 0, MaxSupplyRisk)
        .Add("monthsOfCover", "months the operator's stock (Stockpiling:StocksPath) lasts if the top supplier stopped: stock / average monthly imports from it over the 12 months to the stock's date",
            s => s.Cover?.Months ?? double.NaN, 0, MaxMonthsOfCover)
        .Add("mirrorGap", "mirror check: the largest gap between EU-reported imports from a partner and the partner's reported exports to the EU, |imports - exports| / the larger, 0..1, among partners whose larger side is at least 1 t (annual weight import rows of the EU, both sources pulled)",
            s => s.Mirror?.LargestGap ?? double.NaN, 0, 1);

    // A century of cover: a target above that is a typo, not a stockpiling policy.
    private const double MaxMonthsOfCover = 1200;

    // SR = HHI_WGI (at most 10 without trade restrictions) times factors of about 0..1: 100 leaves room for t_c and SI.
    private const double MaxSupplyRisk = 100;

    private MetricCatalog AddChanges(string suffix, string against, Func<SeriesIndices, IndexChange?> change)
    {
        const double Unbounded = double.PositiveInfinity;
        foreach (var field in IndexFields.Changed.Where(f => f.IsMetric))
        {
            Add(field.ChangeName(suffix), $"change of the {field.Label} against {against}",
                s => Comparable(s, change(s)) is { } c ? field.ChangeNumber(c) : double.NaN, -field.Max, field.Max);
        }

        Add($"totalRelativeChange{suffix}", $"relative change of the total against {against} (0.1 = +10%)",
            s => Comparable(s, change(s)) is { TotalRelative: { } r } ? r : double.NaN, -1, Unbounded);
        Add($"topSupplierChanged{suffix}", $"1 when the largest supplier differs from {against}'s, else 0",
            s => Comparable(s, change(s)) is { } c ? (c.TopSupplierBefore == s.Indices.TopSupplier ? 0 : 1) : double.NaN, 0, 1);
        return this;
    }

    // Every index field rules may test, as declared in the index set (name, description, bound).
    private MetricCatalog AddLevels()
    {
        foreach (var field in IndexFields.All.Where(f => f.IsMetric))
        {
            Add(field.Name, field.Description, field.Number, field.Max);
        }

        return this;
    }

    // A period or earlier period without suppliers has all-zero placeholder indices: no change to speak of.
    private static IndexChange? Comparable(SeriesIndices s, IndexChange? change) =>
        s.Indices.Suppliers > 0 && change is { TopSupplierBefore: not null } ? change : null;

    private MetricCatalog Add(Metric metric)
    {
        if (!metrics.TryAdd(metric.Name, metric))
        {
            throw new ArgumentException($"Metric '{metric.Name}' is already in the catalog.", nameof(metric));
        }

        return this;
    }

    /// <summary>One metric of the catalog.</summary>
    /// <param name="Read">Reads the value from the indices alone (NaN for a metric that needs <see cref="SeriesRead"/>).</param>
    /// <param name="Max">Largest meaningful value (thresholds above it are rejected); the smallest is <see cref="Min"/>.</param>
    public sealed record Metric(string Name, string Description, Func<ConcentrationIndices, double> Read, double Max)
    {
        /// <summary>Smallest meaningful value: 0 for levels, negative for changes.</summary>
        public double Min { get; init; }

        /// <summary>Reads the value from the whole period (changes); null = <see cref="Read"/> on its indices.</summary>
        public Func<SeriesIndices, double>? SeriesRead { get; init; }

        /// <summary>The value for one period of a series; NaN when the period has none.</summary>
        public double ValueOf(SeriesIndices input)
        {
            ArgumentNullException.ThrowIfNull(input);
            return SeriesRead is null ? Read(input.Indices) : SeriesRead(input);
        }
    }
}
