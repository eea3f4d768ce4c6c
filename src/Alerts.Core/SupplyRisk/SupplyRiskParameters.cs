using System.Text.Json;
using Alerts.Core.Concentration;

namespace Alerts.Core.SupplyRisk;

/// <summary>
/// Operator-supplied supply-risk inputs per material and stage, read from JSON:
/// <code>
/// {"materials":[{"material":"rare earths","year":2022,"stages":[{"stage":"processing",
///   "globalSupply":{"CN":0.85,"MY":0.05},"euSourcing":{"CN":0.5,"MY":0.3},
///   "importReliance":1.0,"eolRir":0.01,"substitutionIndex":0.96,"tradeRestrictions":{"CN":1.1}}]}]}
/// </code>
/// Every field but <c>stage</c> and <c>globalSupply</c> is optional (defaults in <see cref="SupplyRiskCalculator"/>);
/// <c>euSourcing</c> is usually filled from trade data by the caller (<see cref="WithEuSourcing"/>).
/// </summary>
public sealed record SupplyRiskParameters(string Material, int Year, IReadOnlyList<StageInputs> Stages)
{
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

                list.Add(new SupplyRiskParameters(material, year, stages));
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

        return new StageInputs
        {
            Stage = stage,
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
