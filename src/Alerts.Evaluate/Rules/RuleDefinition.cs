using Alerts.Compute.Series;

namespace Alerts.Evaluate.Rules;

/// <summary>
/// A rule as written in configuration (a JSON file or an app-settings section): every field optional, so an
/// entry with the id of a default rule overrides only the fields it names. Turned into a <see cref="Rule"/>
/// by <see cref="RuleSetBuilder"/>, which names the rule and field of every problem.
/// </summary>
public sealed class RuleDefinition
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Metric { get; set; }

    /// <summary><c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c> or <c>&lt;=</c>.</summary>
    public string? Operator { get; set; }

    public double? Threshold { get; set; }

    /// <summary>Hysteresis: a firing alert resolves only once the value is back past this threshold.</summary>
    public double? ClearThreshold { get; set; }

    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public string? Severity { get; set; }

    /// <summary><c>weight</c>, <c>value</c>, or <c>any</c>.</summary>
    public string? Basis { get; set; }

    /// <summary><c>import</c>, <c>export</c>, or <c>any</c>.</summary>
    public string? Flow { get; set; }

    public List<string>? Commodities { get; set; }

    public List<string>? Reporters { get; set; }

    public string? Description { get; set; }

    /// <summary><c>published</c> (default), <c>monthly</c>, <c>annual</c> or <c>rolling12</c>.</summary>
    public string? Window { get; set; }

    /// <summary>Periods a breach must persist before firing (state <c>pending</c> meanwhile); default 0.</summary>
    public int? For { get; set; }

    /// <summary>Periods a firing alert stays firing once its value clears (state <c>recovering</c>); default 0.</summary>
    public int? KeepFiringFor { get; set; }

    /// <summary><c>noData</c> (default), <c>alerting</c> or <c>keepLast</c>.</summary>
    public string? NoData { get; set; }

    /// <summary>Expected periods without data, or failed runs in a row, that count as no data; default 3.</summary>
    public int? NoDataAfter { get; set; }

    /// <summary><c>false</c> removes the rule (e.g. a default one).</summary>
    public bool? Enabled { get; set; }
}
