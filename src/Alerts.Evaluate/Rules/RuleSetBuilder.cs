namespace Alerts.Evaluate.Rules;

/// <summary>
/// Builds the active rule set: the defaults, overridden field by field by configured entries with the same id,
/// plus new rules; <c>"enabled": false</c> drops a rule. All problems are collected and reported together.
/// Parsing is <see cref="RuleJsonParser"/>, merging one entry <see cref="RuleMerger"/>, checking one rule
/// <see cref="RuleValidator"/>; this type keeps the order of the set and the ids unique.
/// </summary>
public static class RuleSetBuilder
{
    /// <inheritdoc cref="RuleJsonParser.Parse"/>
    public static IReadOnlyList<RuleDefinition> ParseJson(string json, string source) => RuleJsonParser.Parse(json, source);

    /// <summary>Applies <paramref name="definitions"/> to <paramref name="defaults"/> and validates the result.</summary>
    /// <exception cref="RuleConfigurationException">Any definition or resulting rule is invalid.</exception>
    public static IReadOnlyList<Rule> Build(
        IReadOnlyList<Rule> defaults,
        IEnumerable<RuleDefinition> definitions,
        string source,
        MetricCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(definitions);
        catalog ??= MetricCatalog.Default;
        var errors = new List<string>();
        var rules = defaults.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var order = defaults.Select(r => r.Id).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var d in definitions)
        {
            var label = d.Id is null ? $"rules[{index}]" : $"rule '{d.Id}' (rules[{index}])";
            index++;
            if (!RuleValidator.IsValidId(d.Id))
            {
                errors.Add($"{label}: field 'id' must be 1-63 lower-case letters, digits or '-', starting with a letter or digit");
                continue;
            }

            if (!seen.Add(d.Id))
            {
                errors.Add($"{label}: field 'id' is used by an earlier entry");
                continue;
            }

            if (d.Enabled == false)
            {
                rules.Remove(d.Id);
                continue;
            }

            rules.TryGetValue(d.Id, out var baseRule);
            var rule = RuleMerger.Merge(baseRule, d, label, catalog, errors);
            if (rule is null)
            {
                continue;
            }

            if (baseRule is null)
            {
                order.Add(d.Id);
            }

            rules[d.Id] = rule;
        }

        if (errors.Count > 0)
        {
            throw new RuleConfigurationException(source, errors);
        }

        return [.. order.Where(rules.ContainsKey).Select(id => rules[id])];
    }

    /// <inheritdoc cref="RuleValidator.Validate"/>
    public static IReadOnlyList<string> Validate(Rule rule, MetricCatalog? catalog = null) => RuleValidator.Validate(rule, catalog);
}
