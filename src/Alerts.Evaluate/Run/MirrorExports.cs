using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Evaluate.Run;

/// <summary>
/// The partners' side of the mirror check in a run pulling both sources: for a Comext product, the exports to the EU
/// reported by the third countries the EU says it imported from, over the last <see cref="PullOptions.MirrorYears"/>
/// years of the window (annual pulls only). The check is informational: a failure is logged and the product is
/// computed without it, never failed.
/// </summary>
public sealed partial class MirrorExports(IMirrorExportSource source, IOptions<PullOptions> options, TimeProvider time, ILogger<MirrorExports> logger)
{
    /// <returns>The partners' exports to the EU; null when there is nothing to check or the fetch failed.</returns>
    public async Task<IReadOnlyList<TradeObservation>?> FetchAsync(string product, TradeDataSet imports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imports);
        var o = options.Value;
        if (o.Frequency != "A")
        {
            return null;
        }

        var to = PullWindow.For(o, time.GetUtcNow()).To.Year;
        var years = Enumerable.Range(to - o.MirrorYears + 1, o.MirrorYears).ToList();
        var partners = imports.Observations
            .Where(x => x.Reporter == PartnerScope.EuReporter && x.Flow == TradeFlow.Import && years.Contains(x.Period.Year)
                        && PartnerScope.IsCountry(x.Partner) && !PartnerScope.EuMemberStates.Contains(x.Partner))
            .Select(x => x.Partner)
            .ToHashSet(StringComparer.Ordinal);
        if (partners.Count == 0)
        {
            return null;
        }

        try
        {
            var data = await source.FetchExportsToEuAsync(product, partners, years, cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                return null;
            }

            LogFetched(product, data.Observations.Count, partners.Count, string.Join(",", years));
            return data.Observations;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(product, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mirror check of {Product}: {Observations} partner-reported export figures from {Partners} partners, years {Years}")]
    private partial void LogFetched(string product, int observations, int partners, string years);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mirror check of {Product} not computed: the partners' exports could not be fetched: {Reason}")]
    private partial void LogFailed(string product, string reason);
}
