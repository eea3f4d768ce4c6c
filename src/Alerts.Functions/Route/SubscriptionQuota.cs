using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Route;

/// <summary><c>Subscriptions__MaxPerOwner</c> (default 100): how many subscriptions one caller may hold, so one key holder cannot fill the table or the router's work.</summary>
public sealed class SubscriptionQuotaOptions
{
    public const string Section = "Subscriptions";
    public const string SettingName = "Subscriptions__MaxPerOwner";

    public int MaxPerOwner { get; set; } = 100;
}

/// <summary>Counts a caller's subscriptions against <see cref="SubscriptionQuotaOptions.MaxPerOwner"/>.</summary>
public sealed class SubscriptionQuota(SubscriptionStore<Subscription> store, IOptions<SubscriptionQuotaOptions> options)
{
    public int Limit => options.Value.MaxPerOwner;

    /// <summary>True when the caller already holds <see cref="Limit"/> subscriptions (counting stops there).</summary>
    public async Task<bool> IsFullAsync(string owner, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in store.ListByOwnerAsync(owner, cancellationToken))
        {
            if (++count >= Limit)
            {
                return true;
            }
        }

        return false;
    }
}
