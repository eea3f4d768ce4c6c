using Microsoft.Extensions.Logging;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// One-click unsubscribe (RFC 8058): the signed link in every notification's <c>List-Unsubscribe</c> header and
/// footer sets the subscription <see cref="SubscriptionStatus.Unsubscribed"/>, with no sign-in. Idempotent.
/// </summary>
public sealed partial class SubscriptionUnsubscriber(
    SubscriptionStore<Subscription> store,
    SubscriptionTokens tokens,
    ISubscriptionJournal journal,
    TimeProvider time,
    ILogger<SubscriptionUnsubscriber> logger)
{
    /// <summary>Checks an unsubscribe link without changing anything (what the GET page shows).</summary>
    public async Task<LinkResult> CheckAsync(string id, string? token, CancellationToken cancellationToken) =>
        (await CheckLinkAsync(id, token, cancellationToken)).Result;

    public async Task<LinkResult> UnsubscribeAsync(string id, string? token, CancellationToken cancellationToken)
    {
        var (result, subscription) = await CheckLinkAsync(id, token, cancellationToken);
        if (result != LinkResult.Done || subscription!.Status == SubscriptionStatus.Unsubscribed)
        {
            return result;
        }

        await store.ReplaceAsync(subscription.Owner, subscription.Id, subscription with { Status = SubscriptionStatus.Unsubscribed }, cancellationToken);
        await journal.RecordAsync(
            new SubscriptionStep(subscription.Id, subscription.Channel, SubscriptionSteps.Unsubscribed, time.GetUtcNow(), "The recipient unsubscribed with the signed link: nothing more is sent."),
            cancellationToken);
        LogUnsubscribed(subscription.Id, subscription.Channel);
        return LinkResult.Done;
    }

    private async Task<(LinkResult Result, Subscription? Subscription)> CheckLinkAsync(string id, string? token, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } subscription)
        {
            return (LinkResult.NotFound, null);
        }

        return tokens.Check(token, TokenPurpose.Unsubscribe, subscription.Id, subscription.Target, time.GetUtcNow()) == TokenCheck.Valid
            ? (LinkResult.Done, subscription)
            : (LinkResult.InvalidToken, subscription);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} on {Channel} unsubscribed by its recipient")]
    private partial void LogUnsubscribed(string subscriptionId, string channel);
}
