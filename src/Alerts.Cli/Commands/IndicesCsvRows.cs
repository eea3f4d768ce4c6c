using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;
using Alerts.Pull.Statistics;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts indices</c> rows as CSV lines, each value formatted into one reused buffer (invariant culture, doubles
/// round-trip). Index fields are written from the index set's declaration (<see cref="IndexFields"/>).
/// </summary>
internal sealed class IndicesCsvRows(TextWriter output, ColumnGroups groups) : IIndexValueWriter
{
    private static readonly string EmptyChange = new(',', IndexFields.Changed.Count + 2);

    private readonly char[] cell = new char[64];

    public void Write(WindowedIndices r, SupplyColumns.RowSupply supply)
    {
        var i = r.Indices;
        var row = r.Row;
        var o = output;
        Text(row.Reporter);
        Text(row.Product);
        Text(IndicesWriter.FlowName(row.Flow));
        Period(row.Period);
        o.Write(',');
        Text(IndicesWriter.BasisName(row.Basis));
        Text(IndicesWriter.Unit(r));
        foreach (var field in IndexFields.Stored)
        {
            field.Write(this, i);
        }

        Text(IndicesWriter.WindowName(row.Window));
        foreach (var field in IndexFields.Derived)
        {
            field.Write(this, i);
        }

        Int(row.MonthsCovered);
        o.Write(row.IsComplete ? "true," : "false,");
        o.Write(row.FromAnnualData ? "true," : "false,");
        o.Write(row.UnreportedPartners.ToString(CultureInfo.InvariantCulture));
        if (groups.HasFlag(ColumnGroups.Changes))
        {
            Change(r.FromPrevious);
            Change(r.FromYearAgo);
        }

        if ((groups & (ColumnGroups.Crma | ColumnGroups.SupplyRisk)) != 0)
        {
            var cells = SupplyColumns.CsvCells(supply).ToList();
            var from = groups.HasFlag(ColumnGroups.Crma) ? 0 : SupplyColumns.CrmaFieldCount;
            var to = groups.HasFlag(ColumnGroups.SupplyRisk) ? cells.Count : SupplyColumns.CrmaFieldCount;
            for (var c = from; c < to; c++)
            {
                o.Write(',');
                o.Write(cells[c]);
            }
        }

        o.Write('\n');
    }

    public void Amount(decimal value)
    {
        if (value.TryFormat(cell, out var n, default, CultureInfo.InvariantCulture))
        {
            output.Write(cell, 0, n);
        }
        else
        {
            output.Write(value.ToString(CultureInfo.InvariantCulture));
        }

        output.Write(',');
    }

    public void Count(int value) => Int(value);

    /// <summary>A double as round-trip ("R") text, then a comma.</summary>
    public void Number(double value)
    {
        if (value.TryFormat(cell, out var n, "R", CultureInfo.InvariantCulture))
        {
            output.Write(cell, 0, n);
        }
        else
        {
            output.Write(value.ToString("R", CultureInfo.InvariantCulture));
        }

        output.Write(',');
    }

    public void Code(string? value) => Text(value);

    /// <summary>A change's cells (comma first): period, the changed fields, the earlier top supplier; all empty without a comparable earlier row.</summary>
    private void Change(IndexChange? change)
    {
        if (change is not { } c)
        {
            output.Write(EmptyChange);
            return;
        }

        output.Write(',');
        Period(c.Against);
        output.Write(',');
        foreach (var field in IndexFields.Changed)
        {
            field.WriteChange(this, c);
        }

        output.Write(c.TopSupplierBefore);
    }

    private void Text(string? value)
    {
        output.Write(value);
        output.Write(',');
    }

    private void Int(int value)
    {
        value.TryFormat(cell, out var n, default, CultureInfo.InvariantCulture);
        output.Write(cell, 0, n);
        output.Write(',');
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
}
