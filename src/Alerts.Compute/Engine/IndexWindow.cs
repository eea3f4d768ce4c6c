namespace Alerts.Compute.Engine;

/// <summary>The span of time an index row aggregates.</summary>
public enum IndexWindow
{
    /// <summary>One calendar month, from monthly observations.</summary>
    Monthly,

    /// <summary>
    /// One calendar year: from annual observations when the series has them for that year, otherwise the
    /// sum of the year's monthly observations (<see cref="IndexRow.MonthsCovered"/> says how many months).
    /// </summary>
    Annual,

    /// <summary>The twelve months ending with <see cref="IndexRow.Period"/>, summed per partner.</summary>
    Rolling12,
}
