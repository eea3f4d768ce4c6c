using System.Globalization;
using System.Text;
using System.Text.Json;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Cli.Commands;

/// <summary>Extra column groups of <c>alerts indices</c> (<c>--columns changes,crma,supply-risk</c> or <c>all</c>).</summary>
[Flags]
internal enum ColumnGroups
{
    None = 0,
    Changes = 1,
    Crma = 2,
    SupplyRisk = 4,
    All = Changes | Crma | SupplyRisk,
}

/// <summary>
/// Writes <c>alerts indices</c> rows as JSON or CSV one at a time, as they are computed: the contract fields and the
/// window fields always, then the column groups asked for, in the order of <see cref="IndicesCommand.Fields"/>.
/// </summary>
internal sealed class IndicesWriter
{
    private readonly TextWriter output;
    private readonly bool json;
    private readonly ColumnGroups groups;
    private readonly char[] cell = new char[64];
    private readonly MemoryStream jsonBuffer = new();
    private readonly Utf8JsonWriter? jsonWriter;

    public IndicesWriter(TextWriter output, string format, ColumnGroups groups)
    {
        this.output = output;
        json = format == "json";
        this.groups = groups;
        if (json)
        {
            jsonWriter = new Utf8JsonWriter(jsonBuffer, new JsonWriterOptions { Indented = true });
        }
    }

    /// <summary>The number of contract and window fields, before the change fields.</summary>
    private const int BaseFieldCount = 22;

    private const int ChangeFieldCount = 20;

    public static IReadOnlyList<string> FieldsFor(ColumnGroups groups)
    {
        var all = IndicesCommand.Fields;
        var fields = all.Take(BaseFieldCount).ToList();
        if (groups.HasFlag(ColumnGroups.Changes))
        {
            fields.AddRange(all.Skip(BaseFieldCount).Take(ChangeFieldCount));
        }

        if (groups.HasFlag(ColumnGroups.Crma))
        {
            fields.AddRange(SupplyColumns.Fields.Take(SupplyColumns.CrmaFieldCount));
        }

        if (groups.HasFlag(ColumnGroups.SupplyRisk))
        {
            fields.AddRange(SupplyColumns.Fields.Skip(SupplyColumns.CrmaFieldCount));
        }

        return fields;
    }

    /// <summary>Parses <c>--columns</c>: a comma-separated list of groups; null when a name is unknown.</summary>
    public static ColumnGroups? ParseGroups(string? text)
    {
        var groups = ColumnGroups.None;
        foreach (var name in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            groups |= name switch
            {
                "changes" => ColumnGroups.Changes,
                "crma" => ColumnGroups.Crma,
                "supply-risk" or "supply" => ColumnGroups.SupplyRisk,
                "all" => ColumnGroups.All,
                _ => (ColumnGroups)(-1),
            };
            if ((int)groups < 0)
            {
                return null;
            }
        }

        return groups;
    }

    public void Begin()
    {
        if (json)
        {
            jsonWriter!.WriteStartArray();
        }
        else
        {
            output.Write(string.Join(",", FieldsFor(groups)));
            output.Write('\n');
        }
    }

    public void Write(WindowedIndices r, SupplyColumns.RowSupply? supply)
    {
        if (json)
        {
            WriteJson(r, supply ?? SupplyColumns.RowSupply.None);
            if (jsonBuffer.Length > 1 << 16)
            {
                FlushJson();
            }
        }
        else
        {
            WriteCsv(r, supply ?? SupplyColumns.RowSupply.None);
        }
    }

    public void End()
    {
        if (json)
        {
            jsonWriter!.WriteEndArray();
            FlushJson();
            output.Write('\n');
        }

        output.Flush();
    }

    private void FlushJson()
    {
        jsonWriter!.Flush();
        output.Write(Encoding.UTF8.GetString(jsonBuffer.GetBuffer(), 0, (int)jsonBuffer.Length));
        jsonBuffer.SetLength(0);
    }

    private static string FlowName(TradeFlow flow) => flow == TradeFlow.Import ? "import" : "export";

    private static string BasisName(Basis basis) => basis == Basis.Weight ? "weight" : "value";

    private static string WindowName(IndexWindow window) => window switch
    {
        IndexWindow.Monthly => "monthly",
        IndexWindow.Annual => "annual",
        _ => "rolling12",
    };

    private static string Unit(WindowedIndices r) => r.Row.Basis == Basis.Weight ? "kg" : r.Currency;

    private void WriteJson(WindowedIndices r, SupplyColumns.RowSupply supply)
    {
        var w = jsonWriter!;
        var i = r.Indices;
        var row = r.Row;
        w.WriteStartObject();
        w.WriteString("reporter", row.Reporter);
        w.WriteString("product", row.Product);
        w.WriteString("flow", FlowName(row.Flow));
        w.WriteString("period", row.Period.ToString());
        w.WriteString("basis", BasisName(row.Basis));
        w.WriteString("unit", Unit(r));
        w.WriteNumber("total", i.Total);
        w.WriteNumber("suppliers", i.Suppliers);
        w.WriteNumber("hhi", i.Hhi);
        w.WriteNumber("hhiNormalized", i.HhiNormalized);
        w.WriteNumber("cr1", i.Cr1);
        w.WriteNumber("cr3", i.Cr3);
        StringOrNull(w, "topSupplier", i.TopSupplier);
        w.WriteNumber("equivalentSuppliers", i.EquivalentSuppliers);
        w.WriteNumber("entropy", i.Entropy);
        w.WriteString("window", WindowName(row.Window));
        w.WriteNumber("hhiFraction", row.HhiFraction);
        w.WriteNumber("expEntropy", row.ExpEntropy);
        w.WriteNumber("monthsCovered", row.MonthsCovered);
        w.WriteBoolean("complete", row.IsComplete);
        w.WriteBoolean("fromAnnualData", row.FromAnnualData);
        w.WriteNumber("unreportedPartners", row.UnreportedPartners);
        if (groups.HasFlag(ColumnGroups.Changes))
        {
            ChangeJson(w, r.FromPrevious, "FromPrevious", "previous");
            ChangeJson(w, r.FromYearAgo, "FromYearAgo", "yearAgo");
        }

        if (groups.HasFlag(ColumnGroups.Crma))
        {
            SupplyColumns.WriteCrmaJson(w, supply);
        }

        if (groups.HasFlag(ColumnGroups.SupplyRisk))
        {
            SupplyColumns.WriteRiskJson(w, supply);
        }

        w.WriteStartArray("topSuppliers");
        var n = 0;
        foreach (var s in i.TopSuppliers)
        {
            if (n++ == 5)
            {
                break;
            }

            w.WriteStartObject();
            w.WriteString("partner", s.Partner);
            w.WriteNumber("amount", s.Amount);
            w.WriteNumber("share", s.Share);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void ChangeJson(Utf8JsonWriter w, IndexChange? change, string suffix, string prefix)
    {
        if (change is not { } c)
        {
            foreach (var field in ChangeFields(suffix, prefix))
            {
                w.WriteNull(field);
            }

            return;
        }

        w.WriteString(prefix + "Period", c.Against.ToString());
        w.WriteNumber("hhiChange" + suffix, c.Hhi);
        w.WriteNumber("hhiNormalizedChange" + suffix, c.HhiNormalized);
        w.WriteNumber("cr1Change" + suffix, c.Cr1);
        w.WriteNumber("cr3Change" + suffix, c.Cr3);
        w.WriteNumber("equivalentSuppliersChange" + suffix, c.EquivalentSuppliers);
        w.WriteNumber("entropyChange" + suffix, c.Entropy);
        w.WriteNumber("suppliersChange" + suffix, c.Suppliers);
        w.WriteNumber("totalChange" + suffix, c.Total);
        StringOrNull(w, prefix + "TopSupplier", c.TopSupplierBefore);
    }

    private static string[] ChangeFields(string suffix, string prefix) =>
    [
        prefix + "Period", "hhiChange" + suffix, "hhiNormalizedChange" + suffix, "cr1Change" + suffix, "cr3Change" + suffix,
        "equivalentSuppliersChange" + suffix, "entropyChange" + suffix, "suppliersChange" + suffix, "totalChange" + suffix, prefix + "TopSupplier",
    ];

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private void WriteCsv(WindowedIndices r, SupplyColumns.RowSupply supply)
    {
        var i = r.Indices;
        var row = r.Row;
        var o = output;
        o.Write(row.Reporter);
        o.Write(',');
        o.Write(row.Product);
        o.Write(',');
        o.Write(FlowName(row.Flow));
        o.Write(',');
        Period(row.Period);
        o.Write(',');
        o.Write(BasisName(row.Basis));
        o.Write(',');
        o.Write(Unit(r));
        o.Write(',');
        Number(i.Total);
        Int(i.Suppliers);
        Number(i.Hhi);
        Number(i.HhiNormalized);
        Number(i.Cr1);
        Number(i.Cr3);
        o.Write(i.TopSupplier);
        o.Write(',');
        Number(i.EquivalentSuppliers);
        Number(i.Entropy);
        o.Write(WindowName(row.Window));
        o.Write(',');
        Number(row.HhiFraction);
        Number(row.ExpEntropy);
        Int(row.MonthsCovered);
        o.Write(row.IsComplete ? "true," : "false,");
        o.Write(row.FromAnnualData ? "true," : "false,");
        o.Write(row.UnreportedPartners.ToString(CultureInfo.InvariantCulture));
        if (groups.HasFlag(ColumnGroups.Changes))
        {
            ChangeCsv(r.FromPrevious);
            ChangeCsv(r.FromYearAgo);
        }

        if ((groups & (ColumnGroups.Crma | ColumnGroups.SupplyRisk)) != 0)
        {
            var cells = SupplyColumns.CsvCells(supply).ToList();
            if (groups.HasFlag(ColumnGroups.Crma))
            {
                foreach (var c in cells.Take(SupplyColumns.CrmaFieldCount))
                {
                    o.Write(',');
                    o.Write(c);
                }
            }

            if (groups.HasFlag(ColumnGroups.SupplyRisk))
            {
                foreach (var c in cells.Skip(SupplyColumns.CrmaFieldCount))
                {
                    o.Write(',');
                    o.Write(c);
                }
            }
        }

        o.Write('\n');
    }

    private void ChangeCsv(IndexChange? change)
    {
        var o = output;
        if (change is not { } c)
        {
            o.Write(",,,,,,,,,,");
            return;
        }

        o.Write(',');
        Period(c.Against);
        o.Write(',');
        Number(c.Hhi);
        Number(c.HhiNormalized);
        Number(c.Cr1);
        Number(c.Cr3);
        Number(c.EquivalentSuppliers);
        Number(c.Entropy);
        Int(c.Suppliers);
        o.Write(c.Total.ToString(CultureInfo.InvariantCulture));
        o.Write(',');
        o.Write(c.TopSupplierBefore);
    }

    private void Period(Period p)
    {
        if (p.IsAnnual || !cell.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"{p.Year:D4}-{p.Month:D2}", out var n))
        {
            output.Write(p.ToString());
            return;
        }

        output.Write(cell, 0, n);
    }

    /// <summary>A double as round-trip ("R") text, then a comma.</summary>
    private void Number(double x)
    {
        if (!x.TryFormat(cell, out var n, "R", CultureInfo.InvariantCulture))
        {
            output.Write(x.ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            output.Write(cell, 0, n);
        }

        output.Write(',');
    }

    private void Number(decimal x)
    {
        if (!x.TryFormat(cell, out var n, default, CultureInfo.InvariantCulture))
        {
            output.Write(x.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            output.Write(cell, 0, n);
        }

        output.Write(',');
    }

    private void Int(int x)
    {
        x.TryFormat(cell, out var n, default, CultureInfo.InvariantCulture);
        output.Write(cell, 0, n);
        output.Write(',');
    }
}
