using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Rules;

/// <summary>
/// Merges one configured definition into the rule it overrides (or a new rule): each field given replaces the
/// base rule's, a new threshold without a clear threshold drops the old clear threshold, and the result is
/// validated. Problems are added to the caller's list, labelled as the entry it names.
/// </summary>
public static class RuleMerger
{
    /// <param name="label">How errors name the entry, e.g. <c>rule 'x' (rules[2])</c>.</param>
    /// <returns>The merged rule, or null when the entry had problems (then in <paramref name="errors"/>).</returns>
    public static Rule? Merge(Rule? baseRule, RuleDefinition d, string label, MetricCatalog catalog, List<string> errors)
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

        var noData = baseRule?.NoData ?? NoDataPolicy.NoData;
        if (d.NoData is not null && !NoDataPolicies.TryParse(d.NoData, out noData))
        {
            Invalid<NoDataPolicy>("noData", d.NoData, string.Join(", ", NoDataPolicies.Names));
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
            window,
            d.For ?? baseRule?.For ?? 0,
            d.KeepFiringFor ?? baseRule?.KeepFiringFor ?? 0,
            noData,
            d.NoDataAfter ?? baseRule?.NoDataAfter ?? Rule.DefaultNoDataAfter);
        var problems = RuleValidator.Validate(rule, catalog);
        errors.AddRange(problems.Select(p => p.Replace($"rule '{rule.Id}'", label, StringComparison.Ordinal)));
        return problems.Count == 0 ? rule : null;

        T Invalid<T>(string field, string value, string expected)
        {
            errors.Add($"{label}: field '{field}' is '{value}'; expected one of {expected}");
            return default!;
        }
    }
}
