using Microsoft.Extensions.Options;

namespace Alerts.Route.Silences;

/// <summary>The silences in force: the operator's from configuration section <c>Silences</c> and those created over HTTP.</summary>
public sealed class SilenceProvider(IOptions<ConfiguredSilences> configured, SilenceStore store)
{
    /// <summary>The configuration silences (validated at start).</summary>
    public IReadOnlyList<Silence> Configured => configured.Value.Silences;

    /// <summary>Every silence active at <paramref name="now"/>: read once per routing run.</summary>
    public async Task<IReadOnlyList<Silence>> ActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = Configured.Where(s => s.IsActiveAt(now)).ToList();
        await foreach (var s in store.ListUnexpiredAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (s.IsActiveAt(now))
            {
                active.Add(s);
            }
        }

        return active;
    }
}
