namespace Alerts.Route.Subscriptions;

/// <summary>What following a signed link (confirm, unsubscribe) came to.</summary>
public enum LinkResult
{
    /// <summary>Done now, or done already (both links are idempotent).</summary>
    Done,

    /// <summary>No subscription has this id (never existed, or deleted).</summary>
    NotFound,

    /// <summary>The token is malformed, tampered with, or was issued for another subscription, target or purpose.</summary>
    InvalidToken,

    /// <summary>The verification link is past its expiry.</summary>
    Expired,

    /// <summary>The subscription can no longer be confirmed: its recipient unsubscribed.</summary>
    Unsubscribed,
}
