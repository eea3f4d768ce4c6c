namespace Alerts.Evaluate.Inhibition;

/// <summary>The inhibition rules in force (defaults merged with section <c>Inhibitions</c>), read once; the app does not start while <see cref="Errors"/> has any.</summary>
public sealed class ConfiguredInhibitions
{
    public IReadOnlyList<InhibitionRule> Rules { get; set; } = InhibitionRule.Defaults;

    /// <summary>Every bad entry, by setting name.</summary>
    public IReadOnlyList<string> Errors { get; set; } = [];
}
