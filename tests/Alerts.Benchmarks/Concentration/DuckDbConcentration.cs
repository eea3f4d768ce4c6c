using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using DuckDB.NET.Data;

namespace Alerts.Benchmarks.Concentration;

/// <summary>The DuckDB baseline: the same HHI, CR1 and CR3 per (reporter, product, flow, period) in SQL.</summary>
internal sealed class DuckDbConcentration : IDisposable
{
    private readonly DuckDBConnection connection = new("DataSource=:memory:");

    public DuckDbConcentration() => connection.Open();

    public static string CsvSource(string path) =>
        $"read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', header = true, columns = {{'reporter': 'VARCHAR', 'partner': 'VARCHAR', 'product': 'VARCHAR', 'flow': 'TINYINT', 'period': 'VARCHAR', 'quantity_kg': 'BIGINT', 'value_eur': 'BIGINT'}})";

    /// <summary>Loads the CSV into table <c>t</c> (the "data already in memory" start).</summary>
    public void LoadTable(string path) => Execute($"CREATE OR REPLACE TABLE t AS SELECT * FROM {CsvSource(path)}");

    /// <summary>Computes the indices into table <c>res</c> (materialised inside DuckDB; fetching is not timed).</summary>
    public void Compute(string source) => Execute($"""
        CREATE OR REPLACE TABLE res AS
        SELECT reporter, product, flow, period,
               SUM(q * q) / (SUM(q) * SUM(q)) * 10000 AS hhi,
               MAX(q) / SUM(q) AS cr1,
               list_sum(max(q, 3)) / SUM(q) AS cr3,
               COUNT(*) AS suppliers
        FROM (SELECT reporter, product, flow, period, partner, SUM(quantity_kg)::DOUBLE AS q
              FROM {source} WHERE quantity_kg IS NOT NULL GROUP BY ALL) p
        WHERE q > 0
        GROUP BY ALL
        """);

    public Dictionary<(string Reporter, string Product, TradeFlow Flow, Period Period), (double Hhi, double Cr1, double Cr3, long Suppliers)> Results()
    {
        var result = new Dictionary<(string, string, TradeFlow, Period), (double, double, double, long)>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT reporter, product, flow, period, hhi, cr1, cr3, suppliers FROM res";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var key = (reader.GetString(0), reader.GetString(1), (TradeFlow)reader.GetByte(2), Period.Parse(reader.GetString(3)));
            result[key] = (reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetInt64(7));
        }

        return result;
    }

    public void Dispose() => connection.Dispose();

    private void Execute(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
