using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine;

/// <summary>What <see cref="SdmxCsvEngineLoader.Load"/> found in the file.</summary>
/// <param name="Vintage">Latest <c>LAST UPDATE</c>.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="HasAnnual">Some in-scope observation has an annual period.</param>
/// <param name="HasMonthly">Some in-scope observation has a monthly period.</param>
public sealed record SdmxCsvLoad(DataVintage Vintage, long Rows, bool HasAnnual, bool HasMonthly);
