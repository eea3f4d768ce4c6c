using Alerts.Deliver.Rendering;

namespace Alerts.Deliver;

/// <summary>Delivery settings common to every channel, section <c>Delivery</c>. Validated at startup.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>
    /// Consecutive permanent failures (webhook 404/410, SMTP 550, ...) of one subscription's target after which
    /// the subscription is paused until its owner resumes it. Transient failures do not count. Default 3.
    /// </summary>
    public int PauseAfterPermanentFailures { get; set; } = 3;
}
