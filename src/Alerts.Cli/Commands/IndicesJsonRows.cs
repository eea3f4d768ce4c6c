using System.Text;
using System.Text.Json;
using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts indices</c> rows as one JSON array, written through a buffer flushed every 64 KiB. Index fields are
/// written from the index set's declaration (<see cref="IndexFields"/>); names are encoded once.
/// </summary>
internal sealed class IndicesJsonRows(TextWriter output, ColumnGroups groups) : IIndexValueWriter
{
    private static readonly JsonEncodedText[] StoredNames = Encoded(IndexFields.Stored.Select(f => f.Name));
    private static readonly JsonEncodedText[] DerivedNames = Encoded(IndexFields.Derived.Select(f => f.Name));
    private static readonly JsonEncodedText[][] ChangeNames =
        [.. IndicesColumns.Changes.Select(c => Encoded(IndicesColumns.ChangeNames(c.Suffix, c.Prefix)))];

    private readonly MemoryStream buffer = new();
    private Utf8JsonWriter? writer;

    private Utf8JsonWriter W => writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });

    public void Begin() => W.WriteStartArray();

    public void Write(WindowedIndices r, SupplyColumns.RowSupply supply)
    {
        var w = W;
        var i = r.Indices;
        var row = r.Row;
        w.WriteStartObject();
        w.WriteString("reporter", row.Reporter);
        w.WriteString("product", row.Product);
        w.WriteString("flow", IndicesWriter.FlowName(row.Flow));
        w.WriteString("period", row.Period.ToString());
        w.WriteString("basis", IndicesWriter.BasisName(row.Basis));
        w.WriteString("unit", IndicesWriter.Unit(r));
        Fields(IndexFields.Stored, StoredNames, i);
        w.WriteString("window", IndicesWriter.WindowName(row.Window));
        Fields(IndexFields.Derived, DerivedNames, i);
        w.WriteNumber("monthsCovered", row.MonthsCovered);
        w.WriteBoolean("complete", row.IsComplete);
        w.WriteBoolean("fromAnnualData", row.FromAnnualData);
        w.WriteNumber("unreportedPartners", row.UnreportedPartners);
        if (groups.HasFlag(ColumnGroups.Changes))
        {
            Change(ChangeNames[0], r.FromPrevious);
            Change(ChangeNames[1], r.FromYearAgo);
        }

        if (groups.HasFlag(ColumnGroups.Crma))
        {
            SupplyColumns.WriteCrmaJson(w, supply);
        }

        if (groups.HasFlag(ColumnGroups.SupplyRisk))
        {
            SupplyColumns.WriteRiskJson(w, supply);
        }

        TopSuppliers(w, i);
        w.WriteEndObject();
        if (buffer.Length > 1 << 16)
        {
            Flush();
        }
    }

    public void End()
    {
        W.WriteEndArray();
        Flush();
        output.Write('\n');
    }

    void IIndexValueWriter.Amount(decimal value) => W.WriteNumberValue(value);

    void IIndexValueWriter.Count(int value) => W.WriteNumberValue(value);

    void IIndexValueWriter.Number(double value) => W.WriteNumberValue(value);

    void IIndexValueWriter.Code(string? value)
    {
        if (value is null)
        {
            W.WriteNullValue();
        }
        else
        {
            W.WriteStringValue(value);
        }
    }

    private void Fields(IReadOnlyList<IndexField> fields, JsonEncodedText[] names, ConcentrationIndices indices)
    {
        for (var f = 0; f < fields.Count; f++)
        {
            W.WritePropertyName(names[f]);
            fields[f].Write(this, indices);
        }
    }

    /// <summary>A change's fields (period, the changed fields, the earlier top supplier); all null without a comparable earlier row.</summary>
    private void Change(JsonEncodedText[] names, IndexChange? change)
    {
        var w = W;
        if (change is not { } c)
        {
            foreach (var name in names)
            {
                w.WriteNull(name);
            }

            return;
        }

        w.WriteString(names[0], c.Against.ToString());
        var changed = IndexFields.Changed;
        for (var f = 0; f < changed.Count; f++)
        {
            w.WritePropertyName(names[f + 1]);
            changed[f].WriteChange(this, c);
        }

        w.WritePropertyName(names[^1]);
        ((IIndexValueWriter)this).Code(c.TopSupplierBefore);
    }

    private static void TopSuppliers(Utf8JsonWriter w, ConcentrationIndices i)
    {
        w.WriteStartArray("topSuppliers");
        foreach (var s in i.TopSuppliers.Take(5))
        {
            w.WriteStartObject();
            w.WriteString("partner", s.Partner);
            w.WriteNumber("amount", s.Amount);
            w.WriteNumber("share", s.Share);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void Flush()
    {
        W.Flush();
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }

    private static JsonEncodedText[] Encoded(IEnumerable<string> names) => [.. names.Select(n => JsonEncodedText.Encode(n))];
}
