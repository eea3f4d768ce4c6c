using Alerts.Core.Alerts;

namespace Alerts.Core.Routing;

/// <summary>What a group was last told about one alert.</summary>
public sealed record NotifiedAlert(string Fingerprint, string EventId, AlertState State, DateTimeOffset NotifiedAt);
