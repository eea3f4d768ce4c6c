using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alerts.Pull.Catalog;

namespace Alerts.Compute.Stockpiling;

/// <summary>
/// The operator's stocks (setting <c>Stockpiling:StocksPath</c>): CSV with header <c>commodity,stage,tonnes,as_of[,source]</c>,
/// one line per catalog commodity and stage (<c>rare-earths,metal,120,2025-06-30,national stockpile</c>); <c>#</c> lines
/// are comments. A bad line is refused naming the file, the line and the field, and nothing of the file is used.
/// </summary>
public sealed class StockTable
{
    private static readonly string[] Header = ["commodity", "stage", "tonnes", "as_of"];
    private readonly Dictionary<string, StockEntry> bySeries;

    private StockTable(Dictionary<string, StockEntry> bySeries, string fingerprint)
    {
        this.bySeries = bySeries;
        Fingerprint = fingerprint;
    }

    public static StockTable Empty { get; } = new([], "none");

    public IReadOnlyCollection<StockEntry> Entries => bySeries.Values;

    /// <summary>Identifies the file's content, so a changed stock re-evaluates series whose data did not change.</summary>
    public string Fingerprint { get; }

    /// <summary>The stock of a commodity series (<c>rare-earths/metal</c>), or null.</summary>
    public StockEntry? For(string series) => bySeries.GetValueOrDefault(series);

    /// <summary>Parses the CSV; <paramref name="name"/> names the file in errors. Commodities and stages are checked against <paramref name="catalog"/>.</summary>
    public static StockTable Parse(string content, string name, CommodityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(catalog);
        var entries = new Dictionary<string, StockEntry>(StringComparer.Ordinal);
        var lines = content.Split('\n');
        var header = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split(',').Select(x => x.Trim()).ToArray();
            var at = $"{name} line {i + 1}";
            if (!header)
            {
                if (f.Length < 4 || !f.Take(4).SequenceEqual(Header))
                {
                    throw new StockTableException($"{at}: expected header 'commodity,stage,tonnes,as_of[,source]'.");
                }

                header = true;
                continue;
            }

            var entry = ParseLine(f, at, catalog);
            if (!entries.TryAdd(entry.Series, entry))
            {
                throw new StockTableException($"{at}: field 'stage': {entry.Series} is listed twice.");
            }
        }

        if (!header)
        {
            throw new StockTableException($"{name}: empty; expected header 'commodity,stage,tonnes,as_of[,source]'.");
        }

        return new StockTable(entries, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16]);
    }

    private static StockEntry ParseLine(string[] f, string at, CommodityCatalog catalog)
    {
        if (f.Length is < 4 or > 5)
        {
            throw new StockTableException($"{at}: expected 4 or 5 fields (commodity,stage,tonnes,as_of[,source]), found {f.Length}.");
        }

        var commodity = catalog.Find(f[0])
            ?? throw new StockTableException($"{at}: field 'commodity': '{f[0]}' is not a commodity id of the catalog.");
        if (!Enum.TryParse<ProcessingStage>(f[1], ignoreCase: true, out var stage) || !Enum.IsDefined(stage) || int.TryParse(f[1], out _))
        {
            throw new StockTableException($"{at}: field 'stage': '{f[1]}' is not a stage (ore, intermediate, metal, downstream).");
        }

        if (commodity.CodesFor(stage).Count == 0)
        {
            throw new StockTableException($"{at}: field 'stage': {commodity.Id} has no codes at stage {CommodityNames.StageName(stage)} in the catalog, so no imports to cover.");
        }

        if (!decimal.TryParse(f[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var tonnes))
        {
            throw new StockTableException($"{at}: field 'tonnes': '{f[2]}' is not a non-negative number.");
        }

        if (!DateOnly.TryParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            throw new StockTableException($"{at}: field 'as_of': '{f[3]}' is not a date (YYYY-MM-DD).");
        }

        return new StockEntry(commodity.Id, stage, tonnes, asOf, f.Length == 5 && f[4].Length > 0 ? f[4] : null);
    }
}
