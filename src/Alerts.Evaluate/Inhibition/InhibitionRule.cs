namespace Alerts.Evaluate.Inhibition;

/// <summary>
/// While an alert matching every <see cref="Source"/> matcher is firing, alerts matching every <see cref="Target"/>
/// matcher whose <see cref="Equal"/> labels have the source's values are inhibited (Alertmanager's inhibit_rules).
/// Inhibition acts within one series (reporter, product, flow): the alerts evaluated together.
/// </summary>
/// <param name="Id">Names the rule in settings and logs; an entry with a default rule's id replaces (or disables) it.</param>
public sealed record InhibitionRule(
    string Id,
    IReadOnlyList<InhibitionMatcher> Source,
    IReadOnlyList<InhibitionMatcher> Target,
    IReadOnlyList<string> Equal)
{
    public const string CriticalInhibitsWarningId = "critical-inhibits-warning";

    /// <summary>A firing <c>critical</c> alert of a series inhibits the <c>warning</c> alerts of the same series, basis, window and period.</summary>
    public static InhibitionRule CriticalInhibitsWarning { get; } = new(
        CriticalInhibitsWarningId,
        [new InhibitionMatcher(InhibitionLabels.Severity, "critical")],
        [new InhibitionMatcher(InhibitionLabels.Severity, "warning")],
        [InhibitionLabels.Product, InhibitionLabels.Reporter, InhibitionLabels.Flow, InhibitionLabels.Basis, InhibitionLabels.Window, InhibitionLabels.Period]);

    public static IReadOnlyList<InhibitionRule> Defaults { get; } = [CriticalInhibitsWarning];
}
