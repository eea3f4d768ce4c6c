using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;

namespace Alerts.Route.Subscriptions;

/// <summary>Which alert events a subscription wants. An empty list means "any".</summary>
/// <param name="Commodities">Commodity ids or product codes; a product code also matches longer codes under it (<c>8505</c> matches <c>85051110</c>).</param>
/// <param name="Reporters">Reporter codes, e.g. <c>EU27_2020</c> or <c>DE</c>.</param>
/// <param name="RuleIds">Rule ids.</param>
/// <param name="MinSeverity">Lowest severity delivered.</param>
/// <param name="States">Alert states delivered; empty means both firing and resolved. <c>noData</c> (operators) adds the
/// no-data alerts, which no other filter receives.</param>
public sealed record SubscriptionFilter(
    IReadOnlyList<string> Commodities,
    IReadOnlyList<string> Reporters,
    IReadOnlyList<string> RuleIds,
    Severity MinSeverity,
    IReadOnlyList<AlertState> States)
{
    /// <summary>Everything: every commodity, reporter and rule, info and up, firing and resolved.</summary>
    public static SubscriptionFilter Everything { get; } = new([], [], [], Severity.Info, []);
}
