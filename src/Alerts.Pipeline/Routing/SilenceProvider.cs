using Alerts.Core.Routing;
using Microsoft.Extensions.Options;

namespace Alerts.Pipeline.Routing;

/// <summary>The silences in force, from configuration section <c>Silences</c> (operators mute a known issue there).</summary>
public sealed class SilenceProvider(IOptionsMonitor<List<Silence>> options)
{
    public IReadOnlyList<Silence> Current() => options.CurrentValue;
}
