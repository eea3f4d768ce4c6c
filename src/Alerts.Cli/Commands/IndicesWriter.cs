using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Cli.Commands;

/// <summary>
/// Writes <c>alerts indices</c> rows as JSON or CSV one at a time, as they are computed, in the order of
/// <see cref="IndicesColumns.For"/>: the row's fields always, then the column groups asked for.
/// </summary>
internal sealed class IndicesWriter
{
    private readonly TextWriter output;
    private readonly ColumnGroups groups;
    private readonly IndicesJsonRows? json;
    private readonly IndicesCsvRows? csv;

    public IndicesWriter(TextWriter output, string format, ColumnGroups groups)
    {
        this.output = output;
        this.groups = groups;
        if (format == "json")
        {
            json = new IndicesJsonRows(output, groups);
        }
        else
        {
            csv = new IndicesCsvRows(output, groups);
        }
    }

    public void Begin()
    {
        if (json is not null)
        {
            json.Begin();
        }
        else
        {
            output.Write(string.Join(",", IndicesColumns.For(groups)));
            output.Write('\n');
        }
    }

    public void Write(WindowedIndices r, SupplyColumns.RowSupply? supply)
    {
        if (json is not null)
        {
            json.Write(r, supply ?? SupplyColumns.RowSupply.None);
        }
        else
        {
            csv!.Write(r, supply ?? SupplyColumns.RowSupply.None);
        }
    }

    public void End()
    {
        json?.End();
        output.Flush();
    }

    internal static string FlowName(TradeFlow flow) => flow == TradeFlow.Import ? "import" : "export";

    internal static string BasisName(Basis basis) => basis == Basis.Weight ? "weight" : "value";

    internal static string WindowName(IndexWindow window) => window switch
    {
        IndexWindow.Monthly => "monthly",
        IndexWindow.Annual => "annual",
        _ => "rolling12",
    };

    internal static string Unit(WindowedIndices r) => r.Row.Basis == Basis.Weight ? "kg" : r.Currency;
}
