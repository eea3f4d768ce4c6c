using System.Text.Json;
using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;

namespace Alerts.Cli.Commands;

/// <summary>
/// The index set (<see cref="IndexFields"/>) as <c>alerts indices</c> JSON fields and CSV cells: names, order and
/// values all come from the declaration, so a field added there appears here with nothing to edit.
/// </summary>
internal static class IndexFieldColumns
{
    /// <summary>Names of a change's fields: <c>previousPeriod</c>, <c>hhiChangeFromPrevious</c>, ..., <c>previousTopSupplier</c>.</summary>
    public static IEnumerable<string> ChangeNames(string suffix, string prefix) =>
        [prefix + "Period", .. IndexFields.Changed.Select(f => f.ChangeName(suffix)), prefix + "TopSupplier"];

    public static void WriteJson(Utf8JsonWriter w, IEnumerable<IndexField> fields, ConcentrationIndices indices)
    {
        foreach (var field in fields)
        {
            Write(w, field.Name, field.Value(indices));
        }
    }

    /// <summary>A change's fields; all null when there is no comparable earlier row.</summary>
    public static void WriteChangeJson(Utf8JsonWriter w, string suffix, string prefix, IndexChange? change)
    {
        if (change is not { } c)
        {
            foreach (var name in ChangeNames(suffix, prefix))
            {
                w.WriteNull(name);
            }

            return;
        }

        w.WriteString(prefix + "Period", c.Against.ToString());
        foreach (var field in IndexFields.Changed)
        {
            Write(w, field.ChangeName(suffix), field.Change(c));
        }

        Write(w, prefix + "TopSupplier", c.TopSupplierBefore);
    }

    public static IEnumerable<string> Csv(IEnumerable<IndexField> fields, ConcentrationIndices indices) =>
        fields.Select(f => IndexField.Text(f.Value(indices)));

    /// <summary>A change's cells; all empty when there is no comparable earlier row.</summary>
    public static IEnumerable<string> ChangeCsv(string suffix, string prefix, IndexChange? change) => change is not { } c
        ? ChangeNames(suffix, prefix).Select(_ => string.Empty)
        : [c.Against.ToString(), .. IndexFields.Changed.Select(f => IndexField.Text(f.Change(c))), c.TopSupplierBefore ?? string.Empty];

    private static void Write(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case decimal d:
                w.WriteNumber(name, d);
                break;
            case int n:
                w.WriteNumber(name, n);
                break;
            case double x:
                w.WriteNumber(name, x);
                break;
            case string s:
                w.WriteString(name, s);
                break;
            default:
                w.WriteNull(name);
                break;
        }
    }
}
