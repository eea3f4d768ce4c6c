namespace Alerts.Compute.Engine;

/// <summary>Concentration of one total over its suppliers; its fields are declared for every output in <c>IndexSet/IndexFields</c>.</summary>
/// <param name="Total">Sum of the supplier amounts.</param>
/// <param name="Suppliers">Number of suppliers with a positive amount.</param>
/// <param name="Hhi">Herfindahl-Hirschman index on percentage shares, 0..10000.</param>
/// <param name="HhiNormalized">(H - 1/N) / (1 - 1/N), 0..1; 1 for a single supplier, 0 for none.</param>
/// <param name="Cr1">Largest share, fraction 0..1.</param>
/// <param name="Cr3">Sum of the three largest shares, fraction 0..1.</param>
/// <param name="TopSupplier">ISO-2 code of the largest supplier (ties broken by code), or null when there is none.</param>
/// <param name="EquivalentSuppliers">1/H (0 without suppliers).</param>
/// <param name="Entropy">Shannon entropy -sum s ln s in nats (0 for one supplier or none).</param>
/// <param name="TopSuppliers">Suppliers by share, largest first (ties by code).</param>
public sealed record ConcentrationIndices(
    decimal Total,
    int Suppliers,
    double Hhi,
    double HhiNormalized,
    double Cr1,
    double Cr3,
    string? TopSupplier,
    double EquivalentSuppliers,
    double Entropy,
    IReadOnlyList<SupplierShare> TopSuppliers)
{
    /// <summary>HHI as a fraction, 0..1.</summary>
    public double HhiFraction => Hhi / 10000d;

    /// <summary>exp(entropy), at least <see cref="EquivalentSuppliers"/>; 0 without suppliers.</summary>
    public double ExpEntropy => Suppliers == 0 ? 0 : Math.Exp(Entropy);

    /// <summary>The indices of an engine row, with its suppliers by share.</summary>
    public static ConcentrationIndices Of(IndexRow row, IReadOnlyList<SupplierShare> shares) => new(
        row.Total, row.Suppliers, row.Hhi, row.HhiNormalized, row.Cr1, row.Cr3, row.TopSupplier, row.EquivalentSuppliers, row.Entropy, shares);

    /// <summary>The indices of the kernel's values, with the top supplier's code and the suppliers by share.</summary>
    internal static ConcentrationIndices Of(in IndexValues v, string? topSupplier, IReadOnlyList<SupplierShare> shares) => new(
        v.Total, v.Suppliers, v.HhiFraction * 10000d, v.HhiNormalized, v.Cr1, v.Cr3, topSupplier, v.EquivalentSuppliers, v.Entropy, shares);
}

/// <summary>A supplier's share of the total, fraction 0..1.</summary>
public readonly record struct SupplierShare(string Partner, decimal Amount, double Share);
