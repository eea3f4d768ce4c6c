using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;
using Alerts.Platform.Storage;
using Azure.Data.Tables;

namespace Alerts.Compute.Store;

/// <summary>
/// The <see cref="IndexFields"/> as columns of an <c>indices</c> row: each stored field under its
/// <see cref="IndexField.Column"/> (amounts as exact decimal text, counts as Int32, indices as Double, codes as text),
/// each change under <see cref="IndexField.ChangeColumn"/>.
/// </summary>
internal static class IndexColumns
{
    public static void Write(TableEntity e, ConcentrationIndices indices)
    {
        foreach (var field in IndexFields.Stored)
        {
            e[field.Column] = Column(field.Value(indices));
        }
    }

    public static ConcentrationIndices Read(TableEntity e, IReadOnlyList<SupplierShare> topSuppliers) =>
        IndexFields.Indices(new Source(e, f => f.Column), topSuppliers);

    /// <summary>A stored value in its column type; decimals as text, since the table has no decimal type.</summary>
    public static object? Column(object? value) =>
        value is decimal d ? d.ToString(CultureInfo.InvariantCulture) : value;

    /// <summary>The double-valued fields by name, for validation before writing.</summary>
    public static IEnumerable<(string Name, double Value)> Numbers(ConcentrationIndices indices) =>
        IndexFields.Stored.Where(f => f.Kind == IndexFieldKind.Number).Select(f => (f.Name, f.Number(indices)));

    /// <summary>Reads fields from a row's columns named by <paramref name="column"/>.</summary>
    public sealed class Source(TableEntity e, Func<IndexField, string> column) : IIndexFieldSource
    {
        public decimal Amount(IndexField field) => EntityFields.Decimal(e, column(field));

        public int Count(IndexField field) => EntityFields.Int(e, column(field));

        public double Number(IndexField field) => EntityFields.Double(e, column(field));

        public string? Code(IndexField field) => EntityFields.OptionalString(e, column(field));
    }
}
