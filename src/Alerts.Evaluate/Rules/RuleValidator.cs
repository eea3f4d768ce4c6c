using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;

namespace Alerts.Evaluate.Rules;

/// <summary>Checks one complete rule against the metric catalog; each problem names the rule and the field.</summary>
public static partial class RuleValidator
{
    /// <summary>1-63 lower-case letters, digits or '-', starting with a letter or digit.</summary>
    public static bool IsValidId([NotNullWhen(true)] string? id) => !string.IsNullOrWhiteSpace(id) && IdPattern().IsMatch(id);

    /// <summary>Checks one rule; returns the problems, each naming the rule and field.</summary>
    public static IReadOnlyList<string> Validate(Rule rule, MetricCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        catalog ??= MetricCatalog.Default;
        var errors = new List<string>();
        var label = $"rule '{rule.Id}'";
        if (!IsValidId(rule.Id))
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

        CheckPeriods(rule.For, "for", 0);
        CheckPeriods(rule.KeepFiringFor, "keepFiringFor", 0);
        CheckPeriods(rule.NoDataAfter, "noDataAfter", 1);
        if (!Enum.IsDefined(rule.NoData))
        {
            errors.Add($"{label}: field 'noData' is {(int)rule.NoData}; expected one of {string.Join(", ", NoDataPolicies.Names)}");
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

        void CheckPeriods(int value, string field, int min)
        {
            if (value < min || value > Rule.MaxPeriods)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: field '{field}' is {value}; expected a number of periods from {min} to {Rule.MaxPeriods}"));
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

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();
}
