using System.Globalization;
using Azure.Data.Tables;

namespace Alerts.Platform.Storage;

/// <summary>Reads typed columns from a stored entity; a missing or malformed column names table, keys and column.</summary>
public static class EntityFields
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

    public static InvalidDataException Bad(TableEntity e, string column, string problem, Exception? inner = null) =>
        new($"Stored entity (PartitionKey '{e.PartitionKey}', RowKey '{e.RowKey}'): column '{column}' {problem}.", inner);
}
