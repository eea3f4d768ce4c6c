using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Notifications;

/// <summary>What a group was last told about one alert.</summary>
public sealed record NotifiedAlert(string Fingerprint, string EventId, AlertState State, DateTimeOffset NotifiedAt);
