using Alerts.Core.Rules;

namespace Alerts.Functions.Pull;

/// <summary>One computed index row as the HTTP API shows it (field names as in <c>alerts indices</c>).</summary>
public sealed record IndexSummary(
    string Reporter,
    string Product,
    string Flow,
    string Period,
    string Basis,
    decimal Total,
    int Suppliers,
    double Hhi,
    double HhiNormalized,
    double Cr1,
    double Cr3,
    string? TopSupplier,
    double EquivalentSuppliers,
    double Entropy)
{
    public static IndexSummary From(SeriesIndices s) => new(
        s.Series.Reporter,
        s.Series.Product,
        s.Series.Flow.ToString().ToLowerInvariant(),
        s.Period.ToString(),
        s.Basis.ToString().ToLowerInvariant(),
        s.Indices.Total,
        s.Indices.Suppliers,
        s.Indices.Hhi,
        s.Indices.HhiNormalized,
        s.Indices.Cr1,
        s.Indices.Cr3,
        s.Indices.TopSupplier,
        s.Indices.EquivalentSuppliers,
        s.Indices.Entropy);
}
