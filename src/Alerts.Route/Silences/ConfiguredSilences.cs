namespace Alerts.Route.Silences;

/// <summary>The silences of configuration section <c>Silences</c>, read once; the app does not start while <see cref="Errors"/> has any.</summary>
public sealed class ConfiguredSilences
{
    public IReadOnlyList<Silence> Silences { get; set; } = [];

    /// <summary>Every bad entry, by setting name.</summary>
    public IReadOnlyList<string> Errors { get; set; } = [];
}
