using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Sources.Comext;

/// <summary>Comext DS-045409 as a pull source: the trailing window of one product, imports (and exports with <see cref="PullOptions.IncludeExports"/>), through the statistics API.</summary>
public sealed class ComextSource(ComextClient client, IOptions<PullOptions> options, TimeProvider time) : ITradeSource
{
    public string Name => "comext";

    public Task<TradeDataSet> FetchAsync(string product, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var (from, to) = PullWindow.For(o, time.GetUtcNow());
        IReadOnlyList<TradeFlow> flows = o.IncludeExports ? [TradeFlow.Import, TradeFlow.Export] : [TradeFlow.Import];
        return client.GetAsync(new ComextQuery { Products = [product], Reporters = [o.Reporter], Flows = flows, From = from, To = to }, cancellationToken);
    }
}
