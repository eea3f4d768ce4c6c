using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Sources.Comext;

/// <summary>Comext DS-045409 as a pull source: the trailing window of one product, imports (and exports with <see cref="PullOptions.IncludeExports"/>), through the statistics API.</summary>
public sealed class ComextSource(ComextClient client, IOptions<PullOptions> options, TimeProvider time) : ITradeSource
{
    public string Name => "comext";

    public async Task<TradeDataSet> FetchAsync(string product, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var (from, to) = PullWindow.For(o, time.GetUtcNow());
        IReadOnlyList<TradeFlow> flows = o.IncludeExports ? [TradeFlow.Import, TradeFlow.Export] : [TradeFlow.Import];
        if (o.EffectiveReporters is [var only])
        {
            return await client.GetAsync(new ComextQuery { Products = [product], Reporters = [only], Flows = flows, From = from, To = to }, cancellationToken).ConfigureAwait(false);
        }

        // One request per reporter (Pull:Reporters): each answer stays the size of a one-reporter pull, and a
        // reporter without data (404) leaves the others whole. The observations carry their reporter, so each
        // reporter becomes its own series.
        var parts = new List<TradeDataSet>();
        foreach (var reporter in o.EffectiveReporters)
        {
            parts.Add(await client.GetAsync(new ComextQuery { Products = [product], Reporters = [reporter], Flows = flows, From = from, To = to }, cancellationToken).ConfigureAwait(false));
        }

        return TradeDataSet.Combine(TradeDataSource.Comext, parts[0].Format, $"Comext {product} ({string.Join(", ", o.EffectiveReporters)})", parts);
    }
}
