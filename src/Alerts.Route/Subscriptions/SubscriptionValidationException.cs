using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;

namespace Alerts.Route.Subscriptions;

/// <summary>A subscription request failed validation; <see cref="Errors"/> names every bad field.</summary>
public sealed class SubscriptionValidationException : Exception
{
    public SubscriptionValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("Invalid subscription: " + string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))))
    {
        Errors = errors;
    }

    public SubscriptionValidationException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public SubscriptionValidationException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public SubscriptionValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    /// <summary>Errors by camelCase JSON field name (items as <c>commodities[2]</c>), as RFC 9457 problem details want them.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
