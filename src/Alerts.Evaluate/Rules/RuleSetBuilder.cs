using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Rules;

/// <summary>
/// Builds the active rule set: the defaults, overridden field by field by configured entries with the same id,
/// plus new rules; <c>"enabled": false</c> drops a rule. All problems are collected and reported together.
/// </summary>
public static partial class RuleSetBuilder
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Parses rule definitions from JSON: either <c>{"rules": [ ... ]}</c> or a bare array. Unknown fields are
    /// errors, so a misspelt <c>"treshold"</c> does not silently keep the default.
    /// </summary>
    /// <param name="source">Names the input in error messages (e.g. the file path).</param>
    public static IReadOnlyList<RuleDefinition> ParseJson(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            var prefix = "$";
            if (root.ValueKind == JsonValueKind.Object)
            {
                var rules = root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "rules", StringComparison.OrdinalIgnoreCase));
                if (rules.Value.ValueKind != JsonValueKind.Array || root.EnumerateObject().Count() != 1)
                {
                    throw new RuleConfigurationException(source, ["$: expected an array of rules or an object with only a 'rules' array"]);
                }

                root = rules.Value;
                prefix = "$." + rules.Name;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new RuleConfigurationException(source, ["$: expected an array of rules or an object with only a 'rules' array"]);
            }

            var result = new List<RuleDefinition>();
            var i = 0;
            foreach (var item in root.EnumerateArray())
            {
                try
                {
                    result.Add(item.Deserialize<RuleDefinition>(JsonOptions)
                        ?? throw new RuleConfigurationException(source, [$"{prefix}[{i}]: a rule cannot be null"]));
                }
                catch (JsonException e)
                {
                    var path = e.Path is null or "$" ? string.Empty : e.Path[1..];
                    throw new RuleConfigurationException(source, [$"{prefix}[{i}]{path}: {FirstSentence(e.Message)}"], e);
                }

                i++;
            }

            return result;
        }
        catch (JsonException e)
        {
            throw new RuleConfigurationException(source, [$"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: not valid JSON ({FirstSentence(e.Message)})"], e);
        }
    }

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
            if (string.IsNullOrWhiteSpace(d.Id) || !IdPattern().IsMatch(d.Id))
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
            var rule = Merge(baseRule, d, label, catalog, errors);
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

    /// <summary>Checks one rule; returns the problems, each naming the rule and field.</summary>
    public static IReadOnlyList<string> Validate(Rule rule, MetricCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        catalog ??= MetricCatalog.Default;
        var errors = new List<string>();
        var label = $"rule '{rule.Id}'";
        if (string.IsNullOrWhiteSpace(rule.Id) || !IdPattern().IsMatch(rule.Id))
        {
            errors.Add($"{label}: field 'id' must be 1-63 lower-case letters, digits or '-', starting with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            errors.Add($"{label}: field 'name' is required");
        }

        if (!catalog.Contains(rule.Metric))
        {
            errors.Add($"{label}: field 'metric': {catalog.UnknownMessage(rule.Metric)}");
        }

        if (Severities.Normalize(rule.Severity) != rule.Severity)
        {
            errors.Add($"{label}: field 'severity' is '{rule.Severity}'; expected one of {string.Join(", ", Severities.All)}");
        }

        CheckThreshold(rule.Threshold, "threshold");
        if (rule.ClearThreshold is { } clear)
        {
            CheckThreshold(clear, "clearThreshold");
            if (rule.Operator.IsUpward() ? clear > rule.Threshold : clear < rule.Threshold)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: field 'clearThreshold' ({clear}) must be {(rule.Operator.IsUpward() ? "at most" : "at least")} the threshold ({rule.Threshold}) for operator '{rule.Operator.ToSymbol()}'"));
            }
        }

        if (!Enum.IsDefined(rule.Window))
        {
            errors.Add($"{label}: field 'window' is {(int)rule.Window}; expected one of {string.Join(", ", IndexSelections.Names)}");
        }

        CheckScope(rule.Commodities, "commodities");
        CheckScope(rule.Reporters, "reporters");
        return errors;

        void CheckThreshold(double value, string field)
        {
            if (!double.IsFinite(value))
            {
                errors.Add($"{label}: field '{field}' must be a finite number");
                return;
            }

            if (!catalog.Contains(rule.Metric))
            {
                return;
            }

            var metric = catalog.Get(rule.Metric);
            if (value < metric.Min || value > metric.Max)
            {
                var hint = metric.Max == 1 ? " (shares are fractions: 65% is 0.65)" : string.Empty;
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: field '{field}' is {value}; metric '{rule.Metric}' ranges over {metric.Min}..{metric.Max}{hint}"));
            }
        }

        void CheckScope(IReadOnlyList<string>? scope, string field)
        {
            if (scope is not null && scope.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{label}: field '{field}' has an empty entry");
            }
        }
    }

    private static Rule? Merge(Rule? baseRule, RuleDefinition d, string label, MetricCatalog catalog, List<string> errors)
    {
        var before = errors.Count;
        string? Required(string? value, string? fallback, string field)
        {
            var v = value ?? fallback;
            if (string.IsNullOrWhiteSpace(v))
            {
                errors.Add($"{label}: field '{field}' is required");
            }

            return v;
        }

        var name = Required(d.Name, baseRule?.Name, "name");
        var metric = Required(d.Metric, baseRule?.Metric, "metric");
        if (metric is not null && !catalog.Contains(metric))
        {
            errors.Add($"{label}: field 'metric': {catalog.UnknownMessage(metric)}");
        }
        else if (metric is not null)
        {
            metric = catalog.Get(metric).Name;
        }

        var op = baseRule?.Operator ?? default;
        if (d.Operator is not null && !ComparisonOperators.TryParse(d.Operator, out op))
        {
            errors.Add($"{label}: field 'operator' is '{d.Operator}'; expected one of {string.Join(" ", ComparisonOperators.Symbols)}");
        }
        else if (d.Operator is null && baseRule is null)
        {
            errors.Add($"{label}: field 'operator' is required");
        }

        var threshold = d.Threshold ?? baseRule?.Threshold;
        if (threshold is null)
        {
            errors.Add($"{label}: field 'threshold' is required");
        }

        var severity = Required(d.Severity, baseRule?.Severity, "severity");
        if (severity is not null && Severities.Normalize(severity) is null)
        {
            errors.Add($"{label}: field 'severity' is '{severity}'; expected one of {string.Join(", ", Severities.All)}");
        }

        var basis = baseRule?.Basis;
        if (d.Basis is not null)
        {
            basis = d.Basis.Trim().ToLowerInvariant() switch
            {
                "weight" => Basis.Weight,
                "value" => Basis.Value,
                "any" or "" => null,
                _ => Invalid<Basis?>("basis", d.Basis, "weight, value, any"),
            };
        }

        var flow = baseRule?.Flow;
        if (d.Flow is not null)
        {
            flow = d.Flow.Trim().ToLowerInvariant() switch
            {
                "import" => TradeFlow.Import,
                "export" => TradeFlow.Export,
                "any" or "" => null,
                _ => Invalid<TradeFlow?>("flow", d.Flow, "import, export, any"),
            };
        }

        var window = baseRule?.Window ?? IndexSelection.Published;
        if (d.Window is not null && !IndexSelections.TryParse(d.Window, out window))
        {
            Invalid<IndexSelection>("window", d.Window, string.Join(", ", IndexSelections.Names));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var rule = new Rule(
            d.Id!,
            name!,
            metric!,
            op,
            threshold!.Value,
            Severities.Normalize(severity)!,
            basis,
            flow,
            d.Commodities ?? baseRule?.Commodities,
            d.Reporters ?? baseRule?.Reporters,
            d.ClearThreshold ?? (d.Threshold is null ? baseRule?.ClearThreshold : null),
            d.Description ?? baseRule?.Description,
            window);
        var problems = Validate(rule, catalog);
        errors.AddRange(problems.Select(p => p.Replace($"rule '{rule.Id}'", label, StringComparison.Ordinal)));
        return problems.Count == 0 ? rule : null;

        T Invalid<T>(string field, string value, string expected)
        {
            errors.Add($"{label}: field '{field}' is '{value}'; expected one of {expected}");
            return default!;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();
}
