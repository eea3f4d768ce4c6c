using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>
/// Deterministic notification ids, so a routing pass that runs twice produces the same Service Bus
/// MessageId and duplicate detection drops the second copy.
/// </summary>
public static class NotificationIds
{
    /// <summary>Hex characters kept from the SHA-256 (128 bits).</summary>
    public const int Length = 32;

    public static string For(string subscriptionId, IEnumerable<string> eventIds)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        ArgumentNullException.ThrowIfNull(eventIds);
        var sorted = eventIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        // Length-prefixed parts: no id, whatever characters it holds, can run into the next.
        var text = new StringBuilder();
        foreach (var part in sorted.Prepend(subscriptionId))
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash)[..Length];
    }
}
