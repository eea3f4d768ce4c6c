using Alerts.Compute.Series;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Logging;

namespace Alerts.Evaluate;

/// <summary>
/// After a run's series are evaluated: every alert of the run's products goes through <see cref="NoDataCheck"/>
/// against the newest period of the run's data and the products whose source failed. Events go out before the alert
/// is saved, as in <see cref="EvaluateStep"/>.
/// </summary>
public sealed partial class NoDataStep(
    RuleEvaluator rules,
    AlertStore alerts,
    BreachPublisher breaches,
    SeriesCommodities commodities,
    TimeProvider time,
    ILogger<NoDataStep> logger)
{
    /// <summary>Checks the series of a run's outcomes: those fetched or unchanged, and those whose source failed (a
    /// commodity series counts as failed when a product it sums failed). Products not attempted are left out.</summary>
    /// <param name="source">The source whose alerts are checked (a run pulling two sources checks each against its own outcomes).</param>
    public Task<IReadOnlyList<AlertEvent>> CheckAsync(
        IReadOnlyList<ProductOutcome> outcomes, IEnumerable<Period> periods, string runId, CancellationToken cancellationToken, string source = SeriesKey.DefaultSource)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var failedProducts = outcomes.Where(o => o.Status == ProductStatus.Failed && o.Commodity is null).Select(o => o.Product).ToHashSet(StringComparer.Ordinal);
        var failed = outcomes
            .Where(o => o.Status == ProductStatus.Failed || (o.Commodity is not null && o.Status == ProductStatus.Skipped && (o.Codes ?? []).Any(failedProducts.Contains)))
            .Select(o => o.Product)
            .ToList();
        var covered = outcomes.Where(o => o.Status is ProductStatus.Fetched or ProductStatus.Unchanged).Select(o => o.Product).Concat(failed).ToList();
        return CheckAsync(covered, failed, periods, runId, cancellationToken, source);
    }

    /// <param name="products">The series products the run covered (product codes and commodity series such as <c>graphite/ore</c>).</param>
    /// <param name="failed">Those of them whose source failed this run.</param>
    /// <param name="periods">Every period the run's data has (the newest month and year set what is expected).</param>
    /// <returns>The events published.</returns>
    /// <param name="source">Only alerts of this source's series are checked.</param>
    public async Task<IReadOnlyList<AlertEvent>> CheckAsync(
        IReadOnlyCollection<string> products, IReadOnlyCollection<string> failed, IEnumerable<Period> periods, string runId, CancellationToken cancellationToken,
        string source = SeriesKey.DefaultSource)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(failed);
        var all = periods.ToList();
        Period? newestMonth = all.Where(p => !p.IsAnnual).DefaultIfEmpty().Max() is { Year: > 0 } m ? m : null;
        Period? newestYear = all.Where(p => p.IsAnnual).DefaultIfEmpty().Max() is { Year: > 0 } y ? y : null;
        var inRun = new HashSet<string>(products, StringComparer.Ordinal);
        var failing = new HashSet<string>(failed, StringComparer.Ordinal);
        var byId = rules.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

        var checkedAlerts = new List<(AlertRecord Record, Rule Rule)>();
        await foreach (var record in alerts.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            // An alert of a rule since removed, or of a series outside the run, is left as it is.
            if (inRun.Contains(record.Product) && string.Equals(record.Source, source, StringComparison.OrdinalIgnoreCase) && byId.TryGetValue(record.RuleId, out var rule)
                && AlertFingerprint.Compute(rule.Id, record.Series, record.Basis, rule.Window) == record.Fingerprint)
            {
                checkedAlerts.Add((record, rule));
            }
        }

        var published = new List<AlertEvent>();
        foreach (var (record, rule) in checkedAlerts)
        {
            var sourceFailed = failing.Contains(record.Product);
            await alerts.ApplyAsync(
                record.Series,
                record.Fingerprint,
                current => current is null
                    ? new AlertTransition(record, [], false)
                    : NoDataCheck.Apply(current, rule, sourceFailed, NoDataCheck.ExpectedFor(current.Period, newestMonth, newestYear), time.GetUtcNow(), runId),
                (transition, c) => PublishFreshAsync(transition, published, c),
                cancellationToken).ConfigureAwait(false);
        }

        return published;
    }

    private async Task PublishFreshAsync(AlertTransition transition, List<AlertEvent> published, CancellationToken cancellationToken)
    {
        var fresh = await breaches.PublishFreshAsync(transition.Events, published, commodities.Of, cancellationToken).ConfigureAwait(false);
        foreach (var e in fresh)
        {
            LogNoData(e.Fingerprint, e.EventId, e.State, e.RuleId, e.Commodity, e.Since, e.FailedRuns);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Fingerprint} no-data event {EventId} {State}: rule {RuleId} on {Commodity}, last data {LastPeriod}, failed runs {FailedRuns}")]
    private partial void LogNoData(string fingerprint, string eventId, AlertState state, string ruleId, string commodity, string? lastPeriod, int? failedRuns);
}
