using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Lifecycle;

/// <summary>Counts periods on the calendar: months between two months, years between two years.</summary>
public static class PeriodSteps
{
    /// <summary>How many periods <paramref name="to"/> is after <paramref name="from"/> (negative when before).</summary>
    public static int Between(Period from, Period to) =>
        from.IsAnnual || to.IsAnnual
            ? to.Year - from.Year
            : ((to.Year - from.Year) * 12) + (to.Month - from.Month);
}
