using System.Globalization;
using Alerts.Core.Statistics;
using Azure.Data.Tables;

namespace Alerts.Pipeline.Storage;

/// <summary>Reads typed columns from a stored entity; a missing or malformed column names table, keys and column.</summary>
internal static class EntityFields
{
    public static string String(TableEntity e, string column) =>
        e.GetString(column) is { } s ? s : throw Bad(e, column, "is missing");

    public static string? OptionalString(TableEntity e, string column) => e.GetString(column);

    public static double Double(TableEntity e, string column) =>
        e.GetDouble(column) ?? throw Bad(e, column, "is missing or not a number");

    public static int Int(TableEntity e, string column) =>
        e.GetInt32(column) ?? throw Bad(e, column, "is missing or not an integer");

    public static DateTimeOffset? OptionalTime(TableEntity e, string column) => e.GetDateTimeOffset(column);

    public static decimal Decimal(TableEntity e, string column) =>
        decimal.TryParse(String(e, column), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw Bad(e, column, "is not a decimal number");

    public static Period Period(TableEntity e, string column) =>
        Core.Statistics.Period.TryParse(String(e, column), out var p) ? p : throw Bad(e, column, "is not a period");

    public static TradeFlow Flow(TableEntity e, string column) => String(e, column) switch
    {
        "import" => TradeFlow.Import,
        "export" => TradeFlow.Export,
        var other => throw Bad(e, column, $"is '{other}', not import or export"),
    };

    public static Basis Basis(TableEntity e, string column) => String(e, column) switch
    {
        "weight" => Core.Statistics.Basis.Weight,
        "value" => Core.Statistics.Basis.Value,
        var other => throw Bad(e, column, $"is '{other}', not weight or value"),
    };

    public static string Name(this TradeFlow flow) => flow == TradeFlow.Import ? "import" : "export";

    public static string Name(this Basis basis) => basis == Core.Statistics.Basis.Weight ? "weight" : "value";

    public static InvalidDataException Bad(TableEntity e, string column, string problem, Exception? inner = null) =>
        new($"Stored entity (PartitionKey '{e.PartitionKey}', RowKey '{e.RowKey}'): column '{column}' {problem}.", inner);
}
