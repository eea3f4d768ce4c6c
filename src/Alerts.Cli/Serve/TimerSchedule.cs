using Cronos;
using Microsoft.Extensions.Configuration;

namespace Alerts.Cli.Serve;

/// <summary>
/// A timer function's schedule as the Functions host reads it: <c>%Name:Sub%</c> is replaced by that app setting,
/// then parsed as a six-field NCRONTAB expression (seconds first) in UTC, the host's default time zone in Azure.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CronExpression _expression;

    private TimerSchedule(string expression, CronExpression parsed)
    {
        Expression = expression;
        _expression = parsed;
    }

    public string Expression { get; }

    public static TimerSchedule Resolve(TimerFunction function, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(configuration);
        var expression = function.Schedule;
        var setting = (string?)null;
        if (expression.Length > 2 && expression[0] == '%' && expression[^1] == '%')
        {
            setting = expression[1..^1];
            expression = configuration[setting]
                ?? throw new TimerScheduleException($"Timer function '{function.Name}': setting {setting.Replace(":", "__", StringComparison.Ordinal)} is not set.");
        }

        try
        {
            return new TimerSchedule(expression, CronExpression.Parse(expression, CronFormat.IncludeSeconds));
        }
        catch (CronFormatException e)
        {
            var where = setting is null ? "its schedule" : $"setting {setting.Replace(":", "__", StringComparison.Ordinal)}";
            throw new TimerScheduleException($"Timer function '{function.Name}': {where} '{expression}' is not a six-field NCRONTAB expression ({e.Message}).");
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null if there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _expression.GetNextOccurrence(after, TimeZoneInfo.Utc);
}

/// <summary>A timer's schedule setting is missing or not an NCRONTAB expression.</summary>
public sealed class TimerScheduleException(string message) : Exception(message);
