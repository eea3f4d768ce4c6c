using System.Security.Cryptography;
using System.Text;

namespace Alerts.Core.Routing;

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

        // Newline cannot occur inside an id we generate, so the joined text is unambiguous.
        var text = subscriptionId + "\n" + string.Join("\n", sorted);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..Length];
    }
}
