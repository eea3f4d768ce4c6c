using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// Double opt-in of email subscriptions: the verification mail (sent at creation, again on the owner's request, rate
/// limited) and its confirm link, which activates the subscription. Nothing else is mailed to a pending address.
/// </summary>
public sealed partial class SubscriptionVerification(
    SubscriptionStore<Subscription> store,
    SubscriptionTokens tokens,
    IVerificationMailer mailer,
    SubscriptionActivation activation,
    ISubscriptionJournal journal,
    IOptions<SubscriptionTokenOptions> options,
    TimeProvider time,
    ILogger<SubscriptionVerification> logger)
{
    /// <summary>Sends a verification mail for a pending subscription and records when; returns the subscription as stored.</summary>
    public async Task<Subscription> SendAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var now = time.GetUtcNow();
        var expiresAt = now + options.Value.VerificationLifetime;
        var token = tokens.Issue(TokenPurpose.Verify, subscription.Id, subscription.Target, expiresAt);
        var failure = await mailer.SendAsync(subscription, token, expiresAt, cancellationToken);
        if (failure is not null)
        {
            // Still created and pending: the owner can ask for another mail once SMTP answers again.
            LogMailFailed(subscription.Id, failure);
            return subscription;
        }

        var sent = subscription with { VerificationSentAt = now };
        await store.ReplaceAsync(sent.Owner, sent.Id, sent, cancellationToken);
        await journal.RecordAsync(
            new SubscriptionStep(sent.Id, sent.Channel, SubscriptionSteps.VerificationSent, now, $"Verification mail sent; its link expires at {expiresAt:O}."), cancellationToken);
        LogMailSent(subscription.Id, expiresAt);
        return sent;
    }

    /// <summary>
    /// The owner asks for a new verification mail. Null when the owner has no such subscription; otherwise whether a mail
    /// went out, and if not, how long to wait (rate limit) or that the subscription is not pending.
    /// </summary>
    public async Task<ResendResult?> ResendAsync(string owner, string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(owner, id, cancellationToken) is not { } subscription)
        {
            return null;
        }

        if (subscription.Status != SubscriptionStatus.PendingVerification)
        {
            return new ResendResult(false, subscription.Status, null);
        }

        var next = subscription.VerificationSentAt + options.Value.ResendInterval;
        if (next > time.GetUtcNow())
        {
            return new ResendResult(false, subscription.Status, next - time.GetUtcNow());
        }

        var sent = await SendAsync(subscription, cancellationToken);
        return new ResendResult(sent.VerificationSentAt is not null && sent.VerificationSentAt != subscription.VerificationSentAt, sent.Status, null);
    }

    /// <summary>Checks a confirm link without changing anything (what the GET page shows).</summary>
    public async Task<LinkResult> CheckAsync(string id, string? token, CancellationToken cancellationToken) =>
        (await CheckLinkAsync(id, token, cancellationToken)).Result;

    /// <summary>Follows a confirm link: activates a pending subscription; confirming an active one again changes nothing.</summary>
    public async Task<LinkResult> ConfirmAsync(string id, string? token, CancellationToken cancellationToken)
    {
        var (result, subscription) = await CheckLinkAsync(id, token, cancellationToken);
        if (result != LinkResult.Done || subscription!.Status != SubscriptionStatus.PendingVerification)
        {
            return result;
        }

        var active = subscription with { Status = SubscriptionStatus.Active };
        await store.ReplaceAsync(subscription.Owner, subscription.Id, active, cancellationToken);
        LogConfirmed(subscription.Id);
        await activation.ActivatedAsync(active, SubscriptionSteps.Confirmed, "The recipient confirmed the address: active.", cancellationToken);
        return LinkResult.Done;
    }

    private async Task<(LinkResult Result, Subscription? Subscription)> CheckLinkAsync(string id, string? token, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } subscription)
        {
            return (LinkResult.NotFound, null);
        }

        return tokens.Check(token, TokenPurpose.Verify, subscription.Id, subscription.Target, time.GetUtcNow()) switch
        {
            TokenCheck.Invalid => (LinkResult.InvalidToken, subscription),
            TokenCheck.Expired => (LinkResult.Expired, subscription),
            _ when subscription.Status == SubscriptionStatus.Unsubscribed => (LinkResult.Unsubscribed, subscription),
            _ => (LinkResult.Done, subscription),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification mail for subscription {SubscriptionId} sent; the link expires at {ExpiresAt}")]
    private partial void LogMailSent(string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verification mail for subscription {SubscriptionId} failed: {Detail}; it stays pending")]
    private partial void LogMailFailed(string subscriptionId, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} confirmed by its recipient: active")]
    private partial void LogConfirmed(string subscriptionId);
}

/// <param name="Sent">True when a new verification mail went out.</param>
/// <param name="Status">The subscription's stored status.</param>
/// <param name="RetryAfter">When rate limited: how long until another mail may be sent.</param>
public sealed record ResendResult(bool Sent, SubscriptionStatus Status, TimeSpan? RetryAfter);
