using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;

namespace Alerts.Pull;

/// <summary>The trailing window a pull re-reads: complete years up to last year, or months up to last month.</summary>
public static class PullWindow
{
    public static (Period From, Period To) For(PullOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Frequency == "A")
        {
            var last = now.Year - 1;
            return (Period.Annual(last - options.TrailingYears + 1), Period.Annual(last));
        }

        var to = now.Month == 1 ? Period.Monthly(now.Year - 1, 12) : Period.Monthly(now.Year, now.Month - 1);
        var from = to;
        for (var i = 1; i < options.TrailingMonths; i++)
        {
            from = from.Month == 1 ? Period.Monthly(from.Year - 1, 12) : Period.Monthly(from.Year, from.Month - 1);
        }

        return (from, to);
    }
}
