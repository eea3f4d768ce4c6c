using System.Text.Json;
using System.Text.RegularExpressions;

namespace Alerts.Pull.Catalog;

/// <summary>
/// The commodities watched, shipped as data (<c>commodities.json</c>: the 17 strategic raw materials of the
/// CRMA). Operators add or replace commodities with a file of the same shape
/// (<c>{"commodities":[{"id","name","stages":{"ore":[...],...}}]}</c>): an entry with a known id replaces it.
/// </summary>
public sealed partial class CommodityCatalog
{
    private readonly Dictionary<string, Commodity> _byId;

    public CommodityCatalog(IEnumerable<Commodity> commodities)
    {
        ArgumentNullException.ThrowIfNull(commodities);
        _byId = new Dictionary<string, Commodity>(StringComparer.Ordinal);
        foreach (var c in commodities)
        {
            _byId[c.Id] = c;
        }
    }

    /// <summary>The shipped catalog.</summary>
    public static CommodityCatalog Default { get; } = LoadEmbedded();

    /// <summary>All commodities, by id.</summary>
    public IReadOnlyList<Commodity> Commodities => _byId.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

    public Commodity? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The commodities and stages a product code belongs to (a CN8 code belongs to its HS6 parent's entry).</summary>
    public IEnumerable<(Commodity Commodity, ProcessingStage Stage)> Classify(string product) =>
        from c in Commodities
        from stage in Enum.GetValues<ProcessingStage>()
        where c.CodesFor(stage).Any(code => product.StartsWith(code, StringComparison.Ordinal))
        select (c, stage);

    /// <summary>This catalog with the commodities of an operator file added or replacing same-id entries.</summary>
    public CommodityCatalog WithOverrides(Stream json, string origin) =>
        new(_byId.Values.Concat(Parse(json, origin)).GroupBy(c => c.Id).Select(g => g.Last()));

    /// <summary>Parses a catalog file; errors name the file and the JSON path.</summary>
    public static IReadOnlyList<Commodity> Parse(Stream json, string origin)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new CatalogFormatException($"{origin}: malformed JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("commodities", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new CatalogFormatException($"{origin}: $.commodities: expected an array of commodities");
            }

            var result = new List<Commodity>();
            var i = 0;
            foreach (var e in list.EnumerateArray())
            {
                var path = $"$.commodities[{i++}]";
                var id = RequiredString(e, "id", path, origin);
                if (!IdPattern().IsMatch(id))
                {
                    throw new CatalogFormatException($"{origin}: {path}.id: '{id}' is not a stable id (lower-case letters, digits and '-')");
                }

                var name = RequiredString(e, "name", path, origin);
                var strategic = e.TryGetProperty("strategic", out var s) && s.ValueKind == JsonValueKind.True;
                var note = e.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                if (!e.TryGetProperty("stages", out var stages) || stages.ValueKind != JsonValueKind.Object)
                {
                    throw new CatalogFormatException($"{origin}: {path}.stages: expected an object of stage -> codes");
                }

                var codes = new Dictionary<ProcessingStage, IReadOnlyList<string>>();
                foreach (var st in stages.EnumerateObject())
                {
                    if (!Enum.TryParse<ProcessingStage>(st.Name, ignoreCase: true, out var stage) || int.TryParse(st.Name, out _))
                    {
                        throw new CatalogFormatException($"{origin}: {path}.stages.{st.Name}: unknown stage (expected ore, intermediate, metal, downstream)");
                    }

                    if (st.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new CatalogFormatException($"{origin}: {path}.stages.{st.Name}: expected an array of codes");
                    }

                    var stageCodes = new List<string>();
                    foreach (var code in st.Value.EnumerateArray())
                    {
                        var text = code.ValueKind == JsonValueKind.String ? code.GetString()!.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal) : null;
                        if (text is null || !CodePattern().IsMatch(text))
                        {
                            throw new CatalogFormatException($"{origin}: {path}.stages.{st.Name}: {code} is not an HS/CN code (2 to 10 digits)");
                        }

                        stageCodes.Add(text);
                    }

                    codes[stage] = stageCodes;
                }

                result.Add(new Commodity(id, name, strategic, codes, note));
            }

            var dup = result.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null)
            {
                throw new CatalogFormatException($"{origin}: $.commodities: id '{dup.Key}' appears twice");
            }

            return result;
        }
    }

    private static string RequiredString(JsonElement e, string name, string path, string origin) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw new CatalogFormatException($"{origin}: {path}.{name}: missing or not a string");

    private static CommodityCatalog LoadEmbedded()
    {
        using var stream = typeof(CommodityCatalog).Assembly.GetManifestResourceStream("Alerts.Pull.Catalog.commodities.json")
            ?? throw new InvalidOperationException("embedded commodities.json is missing");
        return new CommodityCatalog(Parse(stream, "commodities.json"));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{2,10}$")]
    private static partial Regex CodePattern();
}
