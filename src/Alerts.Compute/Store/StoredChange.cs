using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Azure.Data.Tables;

namespace Alerts.Compute.Store;

/// <summary>
/// An <see cref="IndexChange"/> as columns of an <c>indices</c> row, named like the rule metrics with the
/// suffix <c>FromPrevious</c> or <c>FromYearAgo</c>: <c>ChangeFromPreviousAgainst</c> (the period compared
/// with; its absence means no change is known), <c>HhiChangeFromPrevious</c>, <c>Cr1ChangeFromPrevious</c>, ...,
/// <c>TotalChangeFromPrevious</c> and <c>TotalBeforeFromPrevious</c> (exact decimals as text),
/// <c>TopSupplierBeforeFromPrevious</c> and <c>TopSupplierChangedFromPrevious</c>.
/// </summary>
internal static class StoredChange
{
    /// <summary>The double-valued deltas with their column names, for validation before writing.</summary>
    public static IEnumerable<(string Name, double Value)> Deltas(IndexChange? change, string suffix) => change is not { } c ? [] :
    [
        ("hhi" + suffix, c.Hhi), ("hhiNormalized" + suffix, c.HhiNormalized), ("cr1" + suffix, c.Cr1), ("cr3" + suffix, c.Cr3),
        ("equivalentSuppliers" + suffix, c.EquivalentSuppliers), ("entropy" + suffix, c.Entropy),
    ];

    public static void Write(TableEntity e, string suffix, IndexChange? change, string? topSupplier)
    {
        if (change is not { } c)
        {
            return;
        }

        e["Change" + suffix + "Against"] = c.Against.ToString();
        e["TotalBefore" + suffix] = c.TotalBefore.ToString(CultureInfo.InvariantCulture);
        e["TotalChange" + suffix] = c.Total.ToString(CultureInfo.InvariantCulture);
        e["HhiChange" + suffix] = c.Hhi;
        e["HhiNormalizedChange" + suffix] = c.HhiNormalized;
        e["Cr1Change" + suffix] = c.Cr1;
        e["Cr3Change" + suffix] = c.Cr3;
        e["EquivalentSuppliersChange" + suffix] = c.EquivalentSuppliers;
        e["EntropyChange" + suffix] = c.Entropy;
        e["SuppliersChange" + suffix] = c.Suppliers;
        e["TopSupplierBefore" + suffix] = c.TopSupplierBefore;
        e["TopSupplierChanged" + suffix] = !string.Equals(c.TopSupplierBefore, topSupplier, StringComparison.Ordinal);
    }

    /// <summary>The change stored with suffix <paramref name="suffix"/>, or null when the row has none (rows written before changes were stored).</summary>
    public static IndexChange? Read(TableEntity e, string suffix)
    {
        if (EntityFields.OptionalString(e, "Change" + suffix + "Against") is null)
        {
            return null;
        }

        return new IndexChange(
            TradeColumns.Period(e, "Change" + suffix + "Against"),
            EntityFields.Decimal(e, "TotalBefore" + suffix),
            EntityFields.Decimal(e, "TotalChange" + suffix),
            EntityFields.Double(e, "HhiChange" + suffix),
            EntityFields.Double(e, "HhiNormalizedChange" + suffix),
            EntityFields.Double(e, "Cr1Change" + suffix),
            EntityFields.Double(e, "Cr3Change" + suffix),
            EntityFields.Double(e, "EquivalentSuppliersChange" + suffix),
            EntityFields.Double(e, "EntropyChange" + suffix),
            EntityFields.Int(e, "SuppliersChange" + suffix),
            EntityFields.OptionalString(e, "TopSupplierBefore" + suffix));
    }
}
