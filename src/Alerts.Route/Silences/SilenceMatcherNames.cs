using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Catalog;

namespace Alerts.Route.Silences;

/// <summary>The alert event fields a silence matcher can name, and the values of each that a regular expression is tried on.</summary>
public static class SilenceMatcherNames
{
    /// <summary>A commodity id (<c>rare-earths</c>), matching its series at every stage and the products standing in for it.</summary>
    public const string Commodity = "commodity";

    /// <summary>The series an alert is on: a product code (<c>85051110</c>; equality also matches the codes under a shorter one) or a commodity series (<c>graphite/ore</c>).</summary>
    public const string Product = "product";

    public const string Reporter = "reporter";

    public const string Rule = "rule";

    public const string Severity = "severity";

    public const string Window = "window";

    public static readonly IReadOnlyList<string> All = [Commodity, Product, Reporter, Rule, Severity, Window];

    /// <summary>Values an equality matcher on <c>window</c> may name.</summary>
    public static readonly IReadOnlyList<string> Windows = ["published", "monthly", "annual", "rolling12"];

    /// <summary>The event's values for <paramref name="name"/> (a commodity has several: the series' id and every commodity a product stands in for).</summary>
    public static IEnumerable<string> ValuesOf(string name, AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (name)
        {
            case Commodity:
                if (CommodityNames.TryParseSeries(e.Commodity, out var id, out _))
                {
                    yield return id;
                }

                foreach (var c in e.CommodityIds ?? [])
                {
                    yield return c;
                }

                break;
            case Product:
                yield return e.Commodity;
                break;
            case Reporter:
                yield return e.Reporter;
                break;
            case Rule:
                yield return e.RuleId;
                break;
            case Severity:
                yield return e.Severity;
                break;
            case Window:
                yield return e.Window.ToString().ToLowerInvariant();
                break;
        }
    }
}
