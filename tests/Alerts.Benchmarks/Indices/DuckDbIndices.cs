using DuckDB.NET.Data;

namespace Alerts.Benchmarks.Indices;

/// <summary>
/// The DuckDB side of <see cref="IndicesCliBenchmark"/>: HHI, CR1, CR3 and the supplier count per reporter,
/// product, flow and period of the third-country weight amounts, in one SQL query from the SDMX-CSV file to a
/// CSV file (as <c>alerts indices --output</c> does). Third countries: two capital letters, not the reporter,
/// not an EU member state for an EU reporter, not a non-country code (as the partner scope of the product).
/// </summary>
internal static class DuckDbIndices
{
    private const string EuMembers = "'AT','BE','BG','CY','CZ','DE','DK','EE','ES','FI','FR','GR','HR','HU','IE','IT','LT','LU','LV','MT','NL','PL','PT','RO','SE','SI','SK'";
    private const string NonCountries = "'QP','QQ','QR','QS','QU','QV','QW','QX','QY','QZ','EU','EA','XX'";

    public static void Run(string input, string output)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var cmd = connection.CreateCommand();
        var source = $"read_csv('{Quote(input)}', header = true, columns = {{'DATAFLOW': 'VARCHAR', 'LAST UPDATE': 'VARCHAR', 'freq': 'VARCHAR', 'reporter': 'VARCHAR', 'partner': 'VARCHAR', 'product': 'VARCHAR', 'flow': 'TINYINT', 'indicators': 'VARCHAR', 'TIME_PERIOD': 'VARCHAR', 'OBS_VALUE': 'DECIMAL(18,2)'}})";
        cmd.CommandText = $"""
            COPY (
              SELECT reporter, product, flow, period,
                     SUM(q * q) / (SUM(q) * SUM(q)) * 10000 AS hhi,
                     MAX(q) / SUM(q) AS cr1,
                     list_sum(max(q, 3)) / SUM(q) AS cr3,
                     COUNT(*) AS suppliers
              FROM (SELECT reporter, product, flow, TIME_PERIOD AS period, partner, SUM(OBS_VALUE * 100)::DOUBLE AS q
                    FROM {source}
                    WHERE indicators = 'QUANTITY_IN_100KG' AND OBS_VALUE IS NOT NULL
                      AND regexp_full_match(partner, '[A-Z][A-Z]') AND partner <> reporter AND partner NOT IN ({NonCountries})
                      AND NOT ((reporter = 'EU27_2020' OR reporter IN ({EuMembers})) AND partner IN ({EuMembers}))
                    GROUP BY ALL) p
              WHERE q > 0
              GROUP BY ALL
            ) TO '{Quote(output)}' (HEADER, DELIMITER ',')
            """;
        cmd.ExecuteNonQuery();
    }

    private static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}
