namespace Alerts.Core.Concentration;

/// <summary>Which rows <see cref="WindowedIndices.Compute"/> gives.</summary>
public enum IndexSelection
{
    /// <summary>
    /// The periods as they appear in the data: an annual row for each year with annual observations and a
    /// monthly row for each month with monthly observations (one row per published period).
    /// </summary>
    Published,

    /// <summary>Every <see cref="IndexWindow.Monthly"/> row (none for annual-only data).</summary>
    Monthly,

    /// <summary>Every <see cref="IndexWindow.Annual"/> row, including years summed from months (possibly year to date).</summary>
    Annual,

    /// <summary>Every <see cref="IndexWindow.Rolling12"/> row (none for annual-only data).</summary>
    Rolling12,
}
