using System.Text.Json;
using Alerts.Compute.Engine;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// Operator-supplied supply-risk inputs per material and stage, read from JSON:
/// <code>
/// {"materials":[{"material":"rare earths","year":2022,"reporter":"EU27_2020","stages":[{"stage":"processing",
///   "product":"280530","globalSupply":{"CN":0.85,"MY":0.05},"euSourcing":{"CN":0.5,"MY":0.3},
///   "importReliance":1.0,"eolRir":0.01,"substitutionIndex":0.96,"tradeRestrictions":{"CN":1.1}}]}]}
/// </code>
/// Every field but <c>stage</c> and <c>globalSupply</c> is optional (defaults in <see cref="SupplyRiskCalculator"/>);
/// <c>euSourcing</c> is usually filled from trade data by the caller (<see cref="WithEuSourcing"/>): from the annual
/// imports of the stage's <c>product</c> for <c>year</c> and <c>reporter</c> (default <c>EU27_2020</c>).
/// </summary>
public sealed record SupplyRiskParameters(string Material, int Year, IReadOnlyList<StageInputs> Stages)
{
    /// <summary>The reporter whose imports give the EU sourcing of stages linked to a product.</summary>
    public string Reporter { get; init; } = "EU27_2020";

    /// <summary>A copy whose stages without EU sourcing take <paramref name="sourcing"/> (e.g. import shares from the engine).</summary>
    public SupplyRiskParameters WithEuSourcing(SupplyStage stage, IReadOnlyList<SupplierAmount> sourcing) =>
        this with { Stages = Stages.Select(s => s.Stage == stage && s.EuSourcing.Count == 0 ? s with { EuSourcing = sourcing } : s).ToList() };

    /// <summary>Parses the JSON above; errors name <paramref name="name"/> and the JSON path.</summary>
    public static IReadOnlyList<SupplyRiskParameters> Parse(string json, string name)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{name}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (doc)
        {
            var list = new List<SupplyRiskParameters>();
            var materials = Array(doc.RootElement, "materials", $"{name} $");
            var i = 0;
            foreach (var m in materials.EnumerateArray())
            {
                var at = $"{name} $.materials[{i++}]";
                var material = m.TryGetProperty("material", out var mv) && mv.ValueKind == JsonValueKind.String && mv.GetString() is { Length: > 0 } text
                    ? text
                    : throw new FormatException($"{at}.material: missing or not a non-empty string.");
                var year = m.TryGetProperty("year", out var yv) && yv.ValueKind == JsonValueKind.Number && yv.TryGetInt32(out var y) && y is >= 1990 and <= 2200
                    ? y
                    : throw new FormatException($"{at}.year: missing or not a year.");
                var stages = new List<StageInputs>();
                var j = 0;
                foreach (var s in Array(m, "stages", at).EnumerateArray())
                {
                    stages.Add(Stage(s, $"{at}.stages[{j++}]"));
                }

                if (stages.Select(st => st.Stage).Distinct().Count() != stages.Count)
                {
                    throw new FormatException($"{at}.stages: a stage is given more than once.");
                }

                var reporter = "EU27_2020";
                if (m.TryGetProperty("reporter", out var rv))
                {
                    reporter = rv.ValueKind == JsonValueKind.String && rv.GetString() is { Length: > 0 } r
                        ? r
                        : throw new FormatException($"{at}.reporter: not a non-empty string.");
                }

                list.Add(new SupplyRiskParameters(material, year, stages) { Reporter = reporter });
            }

            var linked = new HashSet<(string, string, int)>();
            for (var k = 0; k < list.Count; k++)
            {
                foreach (var product in list[k].Stages.Select(st => st.Product).OfType<string>())
                {
                    if (!linked.Add((list[k].Reporter, product, list[k].Year)))
                    {
                        throw new FormatException($"{name} $.materials[{k}]: product {product} in {list[k].Year} is linked to a stage more than once (each product's rows carry one stage's supply risk).");
                    }
                }
            }

            return list;
        }
    }

    private static StageInputs Stage(JsonElement s, string at)
    {
        var stageText = s.TryGetProperty("stage", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString() : null;
        var stage = stageText switch
        {
            "extraction" => SupplyStage.Extraction,
            "processing" => SupplyStage.Processing,
            _ => throw new FormatException($"{at}.stage: expected \"extraction\" or \"processing\", found {(stageText is null ? "nothing" : $"\"{stageText}\"")}."),
        };
        if (!s.TryGetProperty("globalSupply", out _))
        {
            throw new FormatException($"{at}.globalSupply: missing.");
        }

        string? product = null;
        if (s.TryGetProperty("product", out var pv) && pv.ValueKind != JsonValueKind.Null)
        {
            product = pv.ValueKind == JsonValueKind.String && pv.GetString() is { Length: > 0 } p
                ? p
                : throw new FormatException($"{at}.product: not a non-empty string (a product code or commodity series).");
        }

        return new StageInputs
        {
            Stage = stage,
            Product = product,
            GlobalSupply = Amounts(s, "globalSupply", at),
            EuSourcing = s.TryGetProperty("euSourcing", out _) ? Amounts(s, "euSourcing", at) : [],
            ImportReliance = Number(s, "importReliance", at, 0, 1),
            EolRir = Number(s, "eolRir", at, 0, 1),
            SubstitutionIndex = Number(s, "substitutionIndex", at, 0, 10),
            TradeRestrictions = s.TryGetProperty("tradeRestrictions", out _)
                ? Amounts(s, "tradeRestrictions", at).ToDictionary(a => a.Partner, a => (double)a.Amount < 1 ? throw new FormatException($"{at}.tradeRestrictions.{a.Partner}: t_c must be >= 1.") : (double)a.Amount)
                : null,
        };
    }

    private static JsonElement Array(JsonElement e, string field, string at) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Array
            ? v
            : throw new FormatException($"{at}.{field}: missing or not an array.");

    private static double? Number(JsonElement e, string field, string at, double min, double max)
    {
        if (!e.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.GetDouble() is var d && d >= min && d <= max
            ? d
            : throw new FormatException($"{at}.{field}: expected a number in [{min}, {max}].");
    }

    private static List<SupplierAmount> Amounts(JsonElement e, string field, string at)
    {
        var v = e.GetProperty(field);
        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{at}.{field}: expected an object of country: number.");
        }

        var list = new List<SupplierAmount>();
        foreach (var p in v.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDecimal(out var d) || d < 0)
            {
                throw new FormatException($"{at}.{field}.{p.Name}: expected a non-negative number.");
            }

            list.Add(new SupplierAmount(p.Name, d));
        }

        return list;
    }
}
