using Alerts.Compute.Engine;
using Alerts.Evaluate.Lifecycle;

namespace Alerts.Evaluate.Inhibition;

/// <summary>
/// Which alerts of one series are inhibited, and by which: for every rule, each alert firing (or recovering) that
/// matches the source matchers inhibits every other alert that matches the target matchers and has the same values of
/// the rule's <c>equal</c> labels. Pure: same alerts, same answer.
/// </summary>
public sealed class Inhibitor(IReadOnlyList<InhibitionRule> rules)
{
    public IReadOnlyList<InhibitionRule> Rules { get; } = rules ?? throw new ArgumentNullException(nameof(rules));

    /// <param name="alerts">The alerts of one series as they stand after this run.</param>
    /// <param name="windowOf">The window of an alert's rule, or null when the rule is no longer configured (such an
    /// alert neither inhibits nor is inhibited: it is left as it is).</param>
    /// <returns>Inhibited alert fingerprint to the fingerprints of the firing alerts inhibiting it (ordered); alerts not
    /// inhibited are absent.</returns>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Inhibited(IReadOnlyCollection<AlertRecord> alerts, Func<string, IndexSelection?> windowOf)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(windowOf);
        var known = alerts.Select(a => (Alert: a, Window: windowOf(a.RuleId))).Where(a => a.Window is not null).Select(a => (a.Alert, Window: a.Window!.Value)).ToList();
        var result = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            var sources = known.Where(a => AlertStatuses.IsFiring(a.Alert.State) && MatchesAll(rule.Source, a.Alert, a.Window)).ToList();
            if (sources.Count == 0)
            {
                continue;
            }

            foreach (var target in known.Where(a => MatchesAll(rule.Target, a.Alert, a.Window)))
            {
                foreach (var source in sources)
                {
                    if (source.Alert.Fingerprint != target.Alert.Fingerprint && SameLabels(rule.Equal, source, target))
                    {
                        (result.TryGetValue(target.Alert.Fingerprint, out var set) ? set : result[target.Alert.Fingerprint] = new(StringComparer.Ordinal))
                            .Add(source.Alert.Fingerprint);
                    }
                }
            }
        }

        return result.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)[.. r.Value], StringComparer.Ordinal);
    }

    private static bool MatchesAll(IReadOnlyList<InhibitionMatcher> matchers, AlertRecord alert, IndexSelection window) =>
        matchers.All(m => m.Matches(InhibitionLabels.ValueOf(m.Name, alert, window)));

    private static bool SameLabels(IReadOnlyList<string> labels, (AlertRecord Alert, IndexSelection Window) a, (AlertRecord Alert, IndexSelection Window) b) =>
        labels.All(l => string.Equals(InhibitionLabels.ValueOf(l, a.Alert, a.Window), InhibitionLabels.ValueOf(l, b.Alert, b.Window), StringComparison.OrdinalIgnoreCase));
}
