using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.Engine;

/// <summary>
/// One <see cref="IndexEngine"/> row with what the command line and the rules need beside it: the currency
/// of the value basis and the indices with their top suppliers.
/// </summary>
/// <param name="Row">The engine's row (window, coverage, changes).</param>
/// <param name="Currency">Currency of the observations the row was computed from (<c>EUR</c>, <c>USD</c>).</param>
/// <param name="Indices">The row's indices with its suppliers by share, largest first.</param>
public sealed record WindowedIndices(IndexRow Row, string Currency, ConcentrationIndices Indices)
{
    /// <summary>
    /// The change against the previous period, or null when it is not meaningful: there is no earlier row,
    /// or this row or the earlier one has no supplier (its indices are all-zero placeholders, not values).
    /// </summary>
    public IndexChange? FromPrevious => Comparable(Row, Row.ChangeFromPrevious);

    /// <summary>The change against the same period a year earlier; null as for <see cref="FromPrevious"/>.</summary>
    public IndexChange? FromYearAgo => Comparable(Row, Row.ChangeFromYearAgo);

    /// <summary>
    /// Indices of every series in <paramref name="observations"/> over the partners in <paramref name="scope"/>,
    /// on one basis, through <see cref="IndexEngine"/>; ordered by reporter, product, flow (ordinal), period.
    /// Observations in different currencies are never summed together (one set of rows per currency, as
    /// <see cref="PeriodIndices.Compute"/> does).
    /// </summary>
    public static IReadOnlyList<WindowedIndices> Compute(
        IEnumerable<TradeObservation> observations, Basis basis, PartnerScopeKind scope = PartnerScopeKind.ThirdCountries, IndexSelection selection = IndexSelection.Published)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var inScope = PartnerScope.Filter(observations, scope).ToList();
        IReadOnlyList<IndexWindow> windows = selection switch
        {
            IndexSelection.Published => [IndexWindow.Monthly, IndexWindow.Annual],
            IndexSelection.Monthly => [IndexWindow.Monthly],
            IndexSelection.Annual => [IndexWindow.Annual],
            IndexSelection.Rolling12 => [IndexWindow.Rolling12],
            _ => throw new ArgumentOutOfRangeException(nameof(selection), selection, null),
        };
        var result = new List<WindowedIndices>();
        foreach (var currency in inScope.GroupBy(o => o.Currency, StringComparer.Ordinal))
        {
            var published = selection == IndexSelection.Published
                ? currency.Select(o => (o.Reporter, o.Product, o.Flow, o.Period)).ToHashSet()
                : null;
            var engine = new IndexEngine(new IndexEngineOptions { Windows = windows, Bases = [basis] });
            engine.Add(currency);
            foreach (var row in engine.Recompute())
            {
                // Published: an annual row only where the data has that year as a period (not a sum of its months).
                if (published is not null && !published.Contains((row.Reporter, row.Product, row.Flow, row.Period)))
                {
                    continue;
                }

                var shares = engine.Shares(row.Series, basis, row.Window, row.Period);
                result.Add(new WindowedIndices(row, currency.Key, ConcentrationIndices.Of(row, shares)));
            }
        }

        // Stable: within a period, currencies keep the order they first appear in.
        return [.. result
            .OrderBy(r => r.Row.Reporter, StringComparer.Ordinal)
            .ThenBy(r => r.Row.Product, StringComparer.Ordinal)
            .ThenBy(r => r.Row.Flow)
            .ThenBy(r => r.Row.Period)];
    }

    private static IndexChange? Comparable(IndexRow row, IndexChange? change) =>
        row.Suppliers > 0 && change is { TopSupplierBefore: not null } ? change : null;
}
