using System.Text;
using Alerts.Route.Subscriptions;

namespace Alerts.Deliver.History;

/// <summary>One page of a subscription's history (delivery attempts and its own steps), and the token of the next page (null on the last).</summary>
public sealed record DeliveryHistoryPage(IReadOnlyList<HistoryEntry> Entries, string? Continuation)
{
    // The storage continuation is wrapped in base64url so it travels in a query string unchanged.
    internal static string? Encode(string? storage) =>
        storage is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(storage)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <exception cref="FormatException">Not a token <see cref="Encode"/> made.</exception>
    internal static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (token.Length > 2000 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new FormatException("The continuation token is not valid.");
        }

        var padded = token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}

/// <summary>One line of a subscription's history: a delivery attempt or one of its own steps (exactly one is set).</summary>
public sealed record HistoryEntry(DeliveryAttempt? Delivery, SubscriptionStep? Step)
{
    public DateTimeOffset At => Delivery?.At ?? Step!.At;
}
