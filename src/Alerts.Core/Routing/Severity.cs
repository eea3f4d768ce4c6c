namespace Alerts.Core.Routing;

/// <summary>How bad an alert is; subscriptions filter on a minimum (info &lt; warning &lt; critical).</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}
