namespace Alerts.Deliver.Charts;

/// <summary>
/// A chart rendered for a message: the series it shows (<see cref="Chart"/>), where the message finds it (a MIME
/// content id for mail, a signed URL for a card), what it shows in words, and its numbers as text.
/// </summary>
/// <param name="ContentId">The MIME Content-ID of the mail's inline part (referenced as <c>cid:</c>); null for a card.</param>
/// <param name="Png">The image; empty when the message names <paramref name="Url"/> instead.</param>
/// <param name="Url">The signed image URL a card shows; null for a mail.</param>
public sealed record InlineChart(ChartRequest Chart, string? ContentId, byte[] Png, Uri? Url, string AltText, IReadOnlyList<string> Numbers)
{
    /// <summary>True when this chart shows the series, basis, window and metric of an alert event.</summary>
    public bool Shows(Alerts.Evaluate.Lifecycle.AlertEvent e) =>
        e is not null && Chart == AlertCharts.RequestFor(e);
}
