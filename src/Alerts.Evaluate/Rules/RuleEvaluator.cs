using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Rules;

/// <summary>
/// Evaluates rules on concentration indices: per (rule, series, basis, period) a result that says whether the
/// rule breaches, with the value and threshold. A rule reads only the rows of its <see cref="Rule.Window"/>.
/// Periods without any supplier (no data) and incomplete annual or rolling windows (fewer than 12 months of
/// data) are not evaluated, so missing data never resolves or fires an alert.
/// </summary>
public sealed class RuleEvaluator
{
    private readonly IReadOnlyList<Rule> rules;
    private readonly MetricCatalog catalog;

    /// <exception cref="RuleConfigurationException">A rule is invalid (unknown metric, bad threshold...).</exception>
    public RuleEvaluator(IReadOnlyList<Rule> rules, MetricCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.catalog = catalog ?? MetricCatalog.Default;
        var errors = rules.SelectMany(r => RuleSetBuilder.Validate(r, this.catalog)).ToList();
        errors.AddRange(rules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"rule '{g.Key}': field 'id' is used by more than one rule"));
        if (errors.Count > 0)
        {
            throw new RuleConfigurationException("the rule set", errors);
        }

        this.rules = rules;
    }

    public IReadOnlyList<Rule> Rules => rules;

    /// <summary>Evaluates one rule on one period's indices.</summary>
    public RuleEvaluation Evaluate(Rule rule, SeriesIndices input)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(input);
        var value = catalog.Read(rule.Metric, input);
        return new RuleEvaluation(rule, input.Series, input.Basis, input.Period, value, rule.Breaches(value), rule.Clears(value), input.Indices, input.CommodityName);
    }

    /// <summary>
    /// Every rule on every series it applies to: one <see cref="SeriesEvaluation"/> per (rule, series, basis),
    /// its periods (the rows of the rule's window) oldest first. A period given twice keeps the last one given. Periods where the rule's metric
    /// has no value (NaN: a change without an earlier period) are left out, so they neither fire nor clear and
    /// the alert follows the latest period that has a value; a series with no such period gives no evaluation.
    /// </summary>
    public IReadOnlyList<SeriesEvaluation> Evaluate(IEnumerable<SeriesIndices> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var bySeries = new Dictionary<(SeriesKey Series, Basis Basis, IndexSelection Window), SortedDictionary<Period, SeriesIndices>>();
        foreach (var i in indices)
        {
            if (i.Indices.Suppliers == 0 || !i.IsComplete)
            {
                continue;
            }

            if (!bySeries.TryGetValue((i.Series, i.Basis, i.Window), out var periods))
            {
                bySeries[(i.Series, i.Basis, i.Window)] = periods = [];
            }

            periods[i.Period] = i;
        }

        var ordered = bySeries.OrderBy(s => s.Key.Series.ToString(), StringComparer.Ordinal).ThenBy(s => s.Key.Basis).ToList();
        var result = new List<SeriesEvaluation>();
        foreach (var rule in rules)
        {
            foreach (var ((series, basis, window), periods) in ordered)
            {
                if (window != rule.Window || !rule.AppliesTo(series, basis, periods.Values.First().CommodityIds))
                {
                    continue;
                }

                var evaluated = periods.Values.Select(p => Evaluate(rule, p)).Where(e => !double.IsNaN(e.Value)).ToList();
                if (evaluated.Count > 0)
                {
                    result.Add(new SeriesEvaluation(rule, series, basis, evaluated));
                }
            }
        }

        return result;
    }
}
