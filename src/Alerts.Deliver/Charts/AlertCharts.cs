using Alerts.Deliver.Rendering;
using Alerts.Evaluate.Lifecycle;
using Microsoft.Extensions.Logging;

namespace Alerts.Deliver.Charts;

/// <summary>
/// The trend charts of a notification's alerts, from the stored indices: one per series, basis and window (the kind
/// of its most severe alert's metric, as a message shows one block per series), at most <see cref="MaxCharts"/>. A
/// chart that cannot be drawn (no stored rows, storage trouble) is left out and the message goes without it: the alert
/// itself matters more than its picture.
/// </summary>
public sealed partial class AlertCharts(TrendReader reader, ChartLinks links, ILogger<AlertCharts> logger)
{
    public const int MaxCharts = 3;

    /// <summary>The chart an alert event is shown with.</summary>
    public static ChartRequest RequestFor(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ChartRequest(e.Reporter, e.Commodity, e.Basis, e.Window, ChartKinds.ForMetric(e.Metric));
    }

    /// <summary>PNG charts to embed in a mail, with content ids <c>chart-N@alerts</c> (unique within the message).</summary>
    public async Task<IReadOnlyList<InlineChart>> ForMailAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var charts = new List<InlineChart>();
        foreach (var (request, name) in Distinct(events))
        {
            if (await TryReadAsync(request, name, cancellationToken).ConfigureAwait(false) is not { Points.Count: > 0 } series)
            {
                continue;
            }

            var png = TrendChart.RenderPng(series, request.Kind);
            var contentId = $"chart-{charts.Count + 1}@alerts";
            charts.Add(new InlineChart(request, contentId, png, null, TrendChart.AltText(series, request.Kind), TrendChart.Numbers(series, request.Kind)));
        }

        return charts;
    }

    /// <summary>Signed image links for a card (Teams fetches them), with the numbers as text beside them.</summary>
    public async Task<IReadOnlyList<InlineChart>> ForCardAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var charts = new List<InlineChart>();
        foreach (var (request, name) in Distinct(events).Take(1))
        {
            if (await TryReadAsync(request, name, cancellationToken).ConfigureAwait(false) is { Points.Count: > 0 } series)
            {
                charts.Add(new InlineChart(request, null, [], links.Issue(request), TrendChart.AltText(series, request.Kind), TrendChart.Numbers(series, request.Kind)));
            }
        }

        return charts;
    }

    // One chart per series block (SeriesBlock: the lead's metric picks share or HHI), and each series drawn once.
    private static IEnumerable<(ChartRequest Request, string Name)> Distinct(IReadOnlyList<AlertEvent> events) =>
        SeriesBlock.Of(events).Select(b => (Request: RequestFor(b.Lead), Name: b.Lead.CommodityName))
            .DistinctBy(c => c.Request with { Kind = ChartKind.Share }).Take(MaxCharts);

    private async Task<TrendSeries?> TryReadAsync(ChartRequest request, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(request.Reporter, request.Product, request.Basis, request.Window, name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogChartFailed(e, request.Reporter, request.Product);
            return null;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Trend chart of {Reporter} {Product} left out of the message: its indices could not be read")]
    private partial void LogChartFailed(Exception exception, string reporter, string product);
}
