namespace Alerts.Compute.Engine;

/// <summary>The indices of one set of supplier amounts, before they are dressed up as a row.</summary>
internal readonly record struct IndexValues(
    decimal Total,
    int Suppliers,
    int UnreportedPartners,
    double HhiFraction,
    double HhiNormalized,
    double Cr1,
    double Cr3,
    int TopPartner,
    double EquivalentSuppliers,
    double Entropy)
{
    public static IndexValues Empty(decimal total, int unreported) => new(total, 0, unreported, 0, 0, 0, 0, -1, 0, 0);
}
