using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Catalog;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// Subscriptions indexed by the commodities their filters name, so matching a batch of events costs the events times
/// their candidate subscriptions (those naming the event's product, a shorter code above it or one of its commodity ids,
/// and those naming no commodity), not every event times every subscription. Each candidate is still checked by
/// <see cref="SubscriptionMatcher"/>: the index only narrows, it never decides.
/// </summary>
public sealed class SubscriptionIndex
{
    private readonly List<Subscription> subscriptions;
    private readonly List<int> everyCommodity = [];
    private readonly Dictionary<string, List<int>> byKey = new(StringComparer.Ordinal);

    public SubscriptionIndex(IEnumerable<Subscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        this.subscriptions = [.. subscriptions];
        for (var i = 0; i < this.subscriptions.Count; i++)
        {
            var commodities = this.subscriptions[i].Filter.Commodities;
            if (commodities.Count == 0)
            {
                everyCommodity.Add(i);
                continue;
            }

            foreach (var c in commodities)
            {
                Add(SubscriptionMatcher.Normalize(c), i);
                Add(c.Trim().ToLowerInvariant(), i);
            }
        }
    }

    /// <summary>The events each subscription matches, in event order; subscriptions matching none are absent.</summary>
    public static Dictionary<Subscription, List<AlertEvent>> Match(IEnumerable<Subscription> subscriptions, IReadOnlyList<AlertEvent> events) =>
        new SubscriptionIndex(subscriptions).Match(events);

    /// <inheritdoc cref="Match(IEnumerable{Subscription}, IReadOnlyList{AlertEvent})"/>
    public Dictionary<Subscription, List<AlertEvent>> Match(IReadOnlyList<AlertEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var matched = new Dictionary<Subscription, List<AlertEvent>>(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<int>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            seen.Clear();
            foreach (var i in Candidates(e, keys))
            {
                if (seen.Add(i) && SubscriptionMatcher.Matches(subscriptions[i], e))
                {
                    var s = subscriptions[i];
                    (matched.TryGetValue(s, out var list) ? list : matched[s] = []).Add(e);
                }
            }
        }

        return matched;
    }

    private IEnumerable<int> Candidates(AlertEvent e, HashSet<string> keys)
    {
        foreach (var i in everyCommodity)
        {
            yield return i;
        }

        // Every key a filter entry that matches this event can have been indexed under (see SubscriptionMatcher.CommodityMatches).
        keys.Clear();
        var actual = SubscriptionMatcher.Normalize(e.Commodity);
        keys.Add(actual);
        keys.Add(e.Commodity.Trim().ToLowerInvariant());
        if (actual.Length > 0 && actual.All(char.IsAsciiDigit))
        {
            for (var n = 1; n < actual.Length; n++)
            {
                keys.Add(actual[..n]); // a shorter code matches every code under it
            }
        }

        if (CommodityNames.TryParseSeries(e.Commodity, out var id, out _))
        {
            keys.Add(id.ToLowerInvariant());
        }

        foreach (var c in e.CommodityIds ?? [])
        {
            keys.Add(c.Trim().ToLowerInvariant());
        }

        foreach (var key in keys)
        {
            if (byKey.TryGetValue(key, out var found))
            {
                foreach (var i in found)
                {
                    yield return i;
                }
            }
        }
    }

    private void Add(string key, int subscription)
    {
        if (key.Length == 0)
        {
            return;
        }

        (byKey.TryGetValue(key, out var list) ? list : byKey[key] = []).Add(subscription);
    }
}
