using System.Globalization;
using System.Text.Json;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// Operator-supplied domestic production (kg per reporter, product and year) for the consumption-share
/// proxy and import reliance. Two formats, detected from content:
/// CSV with header <c>reporter,product,year,quantity_kg[,source]</c>, or JSON
/// <c>{"entries":[{"reporter":"EU27_2020","product":"280530","year":2024,"quantityKg":1200000,"source":"..."}]}</c>.
/// </summary>
public sealed class ProductionTable
{
    private readonly Dictionary<(string Reporter, string Product, int Year), ProductionEntry> entries;

    private ProductionTable(Dictionary<(string, string, int), ProductionEntry> entries) => this.entries = entries;

    public static ProductionTable Empty { get; } = new([]);

    public int Count => entries.Count;

    public bool TryGet(string reporter, string product, int year, out ProductionEntry entry) =>
        entries.TryGetValue((reporter, product, year), out entry!);

    /// <summary>Parses CSV or JSON (first non-blank character '{'); errors name <paramref name="name"/> and the line or JSON path.</summary>
    public static ProductionTable Parse(string content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.TrimStart().StartsWith('{') ? ParseJson(content, name) : ParseCsv(content, name);
    }

    private static ProductionTable ParseCsv(string content, string name)
    {
        var table = new Dictionary<(string, string, int), ProductionEntry>();
        var lines = content.Split('\n');
        var header = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split(',');
            var at = $"{name} line {i + 1}";
            if (!header)
            {
                if (f.Length < 4 || f[0] != "reporter" || f[1] != "product" || f[2] != "year" || f[3] != "quantity_kg")
                {
                    throw new FormatException($"{at}: expected header 'reporter,product,year,quantity_kg[,source]'.");
                }

                header = true;
                continue;
            }

            if (f.Length < 4)
            {
                throw new FormatException($"{at}: expected at least 4 fields, found {f.Length}.");
            }

            Add(table, at, f[0].Trim(), f[1].Trim(), ParseYear(f[2], at), ParseKg(f[3], at), f.Length > 4 ? f[4].Trim() : null);
        }

        return new ProductionTable(table);
    }

    private static ProductionTable ParseJson(string content, string name)
    {
        var table = new Dictionary<(string, string, int), ProductionEntry>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{name}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("entries", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{name} $.entries: missing or not an array.");
            }

            var i = 0;
            foreach (var e in list.EnumerateArray())
            {
                var at = $"{name} $.entries[{i++}]";
                var reporter = Text(e, "reporter", at);
                var product = Text(e, "product", at);
                if (!e.TryGetProperty("year", out var y) || y.ValueKind != JsonValueKind.Number || !y.TryGetInt32(out var year) || year is < 1900 or > 2200)
                {
                    throw new FormatException($"{at}.year: missing or not a year.");
                }

                if (!e.TryGetProperty("quantityKg", out var q) || q.ValueKind != JsonValueKind.Number || !q.TryGetDecimal(out var kg) || kg < 0)
                {
                    throw new FormatException($"{at}.quantityKg: missing, not a number or negative.");
                }

                var source = e.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                Add(table, at, reporter, product, year, kg, source);
            }
        }

        return new ProductionTable(table);
    }

    private static void Add(Dictionary<(string, string, int), ProductionEntry> table, string at, string reporter, string product, int year, decimal kg, string? source)
    {
        if (reporter.Length == 0 || product.Length == 0)
        {
            throw new FormatException($"{at}: reporter and product must not be empty.");
        }

        if (!table.TryAdd((reporter, product, year), new ProductionEntry(reporter, product, year, kg, string.IsNullOrEmpty(source) ? null : source)))
        {
            throw new FormatException($"{at}: duplicate entry for {reporter}/{product}/{year}.");
        }
    }

    private static string Text(JsonElement e, string field, string at) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new FormatException($"{at}.{field}: missing or not a non-empty string.");

    private static int ParseYear(string text, string at) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200
            ? y
            : throw new FormatException($"{at}: year '{text}' is not a year.");

    private static decimal ParseKg(string text, string at) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var kg)
            ? kg
            : throw new FormatException($"{at}: quantity_kg '{text}' is not a non-negative number.");
}
