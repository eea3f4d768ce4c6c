using Alerts.Core.Concentration;

namespace Alerts.Core.Rules;

/// <summary>
/// The metrics a rule may test, by name (case-insensitive), each read from <see cref="ConcentrationIndices"/>.
/// Shares are fractions 0..1 and HHI is 0..10000, as in the <c>indices</c> output.
/// </summary>
public sealed class MetricCatalog
{
    private readonly Dictionary<string, Metric> metrics = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The built-in metrics: hhi, hhiNormalized, hhiFraction, cr1, cr3, equivalentSuppliers, entropy, expEntropy, suppliers.</summary>
    public static MetricCatalog Default { get; } = CreateDefault();

    /// <summary>Canonical names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. metrics.Values.Select(m => m.Name).Order(StringComparer.Ordinal)];

    /// <summary>Adds a metric; <paramref name="max"/> bounds thresholds so a percentage typed as 65 for a fraction is caught.</summary>
    public MetricCatalog Add(string name, string description, Func<ConcentrationIndices, double> read, double max = double.PositiveInfinity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(read);
        if (!metrics.TryAdd(name, new Metric(name, description, read, max)))
        {
            throw new ArgumentException($"Metric '{name}' is already in the catalog.", nameof(name));
        }

        return this;
    }

    public bool Contains(string? name) => name is not null && metrics.ContainsKey(name);

    /// <summary>The metric's canonical name and description.</summary>
    public Metric Get(string name) =>
        name is not null && metrics.TryGetValue(name, out var m)
            ? m
            : throw new KeyNotFoundException(UnknownMessage(name));

    /// <summary>Reads the named metric from <paramref name="indices"/>.</summary>
    public double Read(string name, ConcentrationIndices indices) => Get(name).Read(indices);

    /// <summary>"Unknown metric 'x'; known metrics: ...".</summary>
    public string UnknownMessage(string? name) =>
        $"Unknown metric '{name}'; known metrics: {string.Join(", ", Names)}.";

    private static MetricCatalog CreateDefault() => new MetricCatalog()
        .Add("hhi", "Herfindahl-Hirschman index on percentage shares, 0..10000", i => i.Hhi, 10000)
        .Add("hhiNormalized", "normalized HHI (UNCTAD), 0..1", i => i.HhiNormalized, 1)
        .Add("hhiFraction", "HHI on fractional shares, 0..1", i => i.HhiFraction, 1)
        .Add("cr1", "largest supplier's share, 0..1", i => i.Cr1, 1)
        .Add("cr3", "three largest suppliers' share, 0..1", i => i.Cr3, 1)
        .Add("equivalentSuppliers", "equivalent number of suppliers, 10000/HHI", i => i.EquivalentSuppliers)
        .Add("entropy", "Shannon entropy of the shares", i => i.Entropy)
        .Add("expEntropy", "exp(entropy), the entropy's number of equal suppliers", i => i.ExpEntropy)
        .Add("suppliers", "number of suppliers with a positive amount", i => i.Suppliers);

    /// <summary>One metric of the catalog.</summary>
    /// <param name="Max">Largest meaningful value (thresholds above it are rejected); the smallest is 0.</param>
    public sealed record Metric(string Name, string Description, Func<ConcentrationIndices, double> Read, double Max);
}
