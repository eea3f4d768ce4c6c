namespace Alerts.Compute.Series;

/// <summary>The index rows of one series a compute produced: all of them (for the rules) and those it stored.</summary>
/// <param name="All">The stored windows plus every other window a rule reads.</param>
/// <param name="Stored">The rows written to the indices table (<see cref="SeriesWindows.Stored"/>).</param>
public sealed record ComputedSeries(IReadOnlyList<SeriesIndices> All, IReadOnlyList<SeriesIndices> Stored);
