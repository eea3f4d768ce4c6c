using Alerts.Compute.Engine;
using Alerts.Evaluate.Lifecycle;

namespace Alerts.Evaluate.Inhibition;

/// <summary>
/// The labels of an alert that inhibition rules match on and compare (<c>equal</c>): taken from the stored alert and
/// its rule's window. Values are compared case-insensitively.
/// </summary>
public static class InhibitionLabels
{
    public const string Rule = "rule";
    public const string Severity = "severity";
    public const string Product = "product";
    public const string Reporter = "reporter";
    public const string Flow = "flow";
    public const string Basis = "basis";
    public const string Window = "window";
    public const string Metric = "metric";
    public const string Period = "period";

    public static readonly IReadOnlyList<string> All = [Rule, Severity, Product, Reporter, Flow, Basis, Window, Metric, Period];

    /// <summary>The canonical name, or null when <paramref name="name"/> is no label.</summary>
    public static string? Normalize(string? name) =>
        All.FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The value of label <paramref name="name"/> (a name from <see cref="All"/>) of an alert whose rule reads <paramref name="window"/>.</summary>
    public static string ValueOf(string name, AlertRecord alert, IndexSelection window)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return name switch
        {
            Rule => alert.RuleId,
            Severity => alert.Severity,
            Product => alert.Product,
            Reporter => alert.Reporter,
            Flow => AlertFingerprint.FlowName(alert.Flow),
            Basis => AlertFingerprint.BasisName(alert.Basis),
            Window => window.ToName(),
            Metric => alert.Metric,
            Period => alert.Period.ToString(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"not one of {string.Join(", ", All)}"),
        };
    }
}
