using Alerts.Platform.Storage;
using Alerts.Pull.Statistics;
using Azure.Data.Tables;

namespace Alerts.Pull.State;

/// <summary>Reads and names the statistics model's columns (period, flow, basis) in stored entities.</summary>
public static class TradeColumns
{
    public static Period Period(TableEntity e, string column) =>
        Statistics.Period.TryParse(EntityFields.String(e, column), out var p) ? p : throw EntityFields.Bad(e, column, "is not a period");

    public static TradeFlow Flow(TableEntity e, string column) => EntityFields.String(e, column) switch
    {
        "import" => TradeFlow.Import,
        "export" => TradeFlow.Export,
        var other => throw EntityFields.Bad(e, column, $"is '{other}', not import or export"),
    };

    public static Basis Basis(TableEntity e, string column) => EntityFields.String(e, column) switch
    {
        "weight" => Statistics.Basis.Weight,
        "value" => Statistics.Basis.Value,
        var other => throw EntityFields.Bad(e, column, $"is '{other}', not weight or value"),
    };

    public static string Name(this TradeFlow flow) => flow == TradeFlow.Import ? "import" : "export";

    public static string Name(this Basis basis) => basis == Statistics.Basis.Weight ? "weight" : "value";
}
