using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Silences;

/// <summary>
/// Mutes the alert events every matcher matches, from <see cref="StartsAt"/> (inclusive) to <see cref="EndsAt"/>
/// (exclusive). One model for silences created over HTTP and those written in configuration.
/// </summary>
/// <param name="Matchers">All must match; a silence without any mutes nothing (it would otherwise mute everything).</param>
/// <param name="Owner">Who created it over HTTP (identity provider + user id); null for a configuration silence.</param>
/// <param name="Scope">An owner's silence mutes only that owner's subscriptions; a global one everyone's.</param>
/// <param name="SubscriptionId">When set, only that subscription (configuration silences).</param>
/// <param name="Source"><see cref="SilenceSources.Api"/> or <see cref="SilenceSources.Configuration"/>.</param>
public sealed record Silence(
    string Id,
    IReadOnlyList<SilenceMatcher> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    SilenceScope Scope = SilenceScope.Global,
    string? Owner = null,
    string? SubscriptionId = null,
    string? CreatedBy = null,
    string? Comment = null,
    DateTimeOffset? CreatedAt = null,
    string Source = SilenceSources.Api)
{
    public bool IsActiveAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;

    /// <summary>Active, pending (not started yet) or expired, at <paramref name="now"/>.</summary>
    public string StatusAt(DateTimeOffset now) =>
        now < StartsAt ? SilenceStatuses.Pending : now < EndsAt ? SilenceStatuses.Active : SilenceStatuses.Expired;

    /// <summary>True when the silence is active at <paramref name="now"/> and mutes this event for this subscription.</summary>
    public bool Mutes(AlertEvent alertEvent, Subscription subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        ArgumentNullException.ThrowIfNull(subscription);
        if (Matchers.Count == 0 || !IsActiveAt(now))
        {
            return false;
        }

        if (Scope == SilenceScope.Owner && !string.Equals(Owner, subscription.Owner, StringComparison.Ordinal))
        {
            return false;
        }

        if (SubscriptionId is not null && !string.Equals(SubscriptionId, subscription.Id, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var m in Matchers)
        {
            if (!m.Matches(alertEvent))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Whose subscriptions a silence mutes.</summary>
public enum SilenceScope
{
    /// <summary>Only the creating owner's (any caller may create one).</summary>
    Owner,

    /// <summary>Everyone's (needs the admin role over HTTP; every configuration silence).</summary>
    Global,
}

public static class SilenceStatuses
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Expired = "expired";
}

public static class SilenceSources
{
    public const string Api = "api";
    public const string Configuration = "configuration";
}
