using Alerts.Pull.Statistics;

namespace Alerts.Deliver.Charts;

/// <summary>One period of a series' trend: the shares of the largest and the three largest third-country suppliers and the HHI.</summary>
/// <param name="Cr1">The top supplier's share, fraction 0..1.</param>
/// <param name="Cr3">The three largest suppliers' share, fraction 0..1.</param>
/// <param name="Hhi">Herfindahl-Hirschman index, 0..10000.</param>
/// <param name="TopSupplier">ISO-2 code of the top supplier, or null.</param>
/// <param name="Revised">True when a later data vintage changed the value an alert was raised on (shown with <c>*</c>).</param>
public sealed record TrendPoint(Period Period, double Cr1, double Cr3, double Hhi, string? TopSupplier, bool Revised = false);
