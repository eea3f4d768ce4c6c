using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Azure.Data.Tables;

namespace Alerts.Compute.Store;

/// <summary>
/// An <see cref="IndexChange"/> as columns of an <c>indices</c> row, named like the rule metrics with the
/// suffix <c>FromPrevious</c> or <c>FromYearAgo</c>: <c>ChangeFromPreviousAgainst</c> (the period compared
/// with; its absence means no change is known), one column per field of <see cref="IndexFields.Changed"/>
/// (<c>HhiChangeFromPrevious</c>, ..., <c>TotalChangeFromPrevious</c> as exact decimal text),
/// <c>TotalBeforeFromPrevious</c>, <c>TopSupplierBeforeFromPrevious</c> and <c>TopSupplierChangedFromPrevious</c>.
/// </summary>
internal static class StoredChange
{
    /// <summary>The double-valued deltas with their names (<c>hhiChangeFromPrevious</c>), for validation before writing.</summary>
    public static IEnumerable<(string Name, double Value)> Deltas(IndexChange? change, string suffix) => change is not { } c ? [] :
        IndexFields.Changed.Where(f => f.Kind == IndexFieldKind.Number).Select(f => (f.ChangeName(suffix), f.ChangeNumber(c)));

    public static void Write(TableEntity e, string suffix, IndexChange? change, string? topSupplier)
    {
        if (change is not { } c)
        {
            return;
        }

        e["Change" + suffix + "Against"] = c.Against.ToString();
        e["TotalBefore" + suffix] = IndexColumns.Column(c.TotalBefore);
        foreach (var field in IndexFields.Changed)
        {
            e[field.ChangeColumn(suffix)] = IndexColumns.Column(field.Change(c));
        }

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

        return IndexFields.Change(
            TradeColumns.Period(e, "Change" + suffix + "Against"),
            EntityFields.Decimal(e, "TotalBefore" + suffix),
            new IndexColumns.Source(e, f => f.ChangeColumn(suffix)),
            EntityFields.OptionalString(e, "TopSupplierBefore" + suffix));
    }
}
