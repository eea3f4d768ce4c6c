using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine;

/// <summary>
/// How a row's indices moved against an earlier row of the same series, basis and window: each delta is
/// this row's value minus the earlier one (so a positive <see cref="Hhi"/> means more concentrated).
/// </summary>
/// <param name="Against">The earlier period compared with.</param>
/// <param name="TotalBefore">The earlier total.</param>
/// <param name="Total">Change of the total.</param>
/// <param name="Hhi">Change of the HHI, points on the 0..10000 scale.</param>
/// <param name="Cr1">Change of the largest share (fraction).</param>
/// <param name="Cr3">Change of the three largest shares (fraction).</param>
/// <param name="Suppliers">Change of the supplier count.</param>
/// <param name="TopSupplierBefore">The earlier top supplier (null when the earlier row had none).</param>
public readonly record struct IndexChange(
    Period Against,
    decimal TotalBefore,
    decimal Total,
    double Hhi,
    double HhiNormalized,
    double Cr1,
    double Cr3,
    double EquivalentSuppliers,
    double Entropy,
    int Suppliers,
    string? TopSupplierBefore)
{
    /// <summary>Relative change of the total (0.1 = +10%), or null when the earlier total was zero.</summary>
    public double? TotalRelative => TotalBefore == 0 ? null : (double)(Total / TotalBefore);

    internal static IndexChange Between(in IndexValues now, double hhi, IndexRow before) => new(
        before.Period,
        before.Total,
        now.Total - before.Total,
        hhi - before.Hhi,
        now.HhiNormalized - before.HhiNormalized,
        now.Cr1 - before.Cr1,
        now.Cr3 - before.Cr3,
        now.EquivalentSuppliers - before.EquivalentSuppliers,
        now.Entropy - before.Entropy,
        now.Suppliers - before.Suppliers,
        before.TopSupplier);
}
