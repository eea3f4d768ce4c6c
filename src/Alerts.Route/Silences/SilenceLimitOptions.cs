namespace Alerts.Route.Silences;

/// <summary><c>SilenceLimits__MaxActivePerOwner</c> (default 100): how many silences that have not ended one caller may hold, so one key holder cannot slow every routing run.</summary>
public sealed class SilenceLimitOptions
{
    public const string SectionName = "SilenceLimits";
    public const string SettingName = "SilenceLimits__MaxActivePerOwner";

    public const string RetentionSettingName = "SilenceLimits__ExpiredRetention";

    public int MaxActivePerOwner { get; set; } = 100;

    /// <summary>
    /// <c>SilenceLimits__ExpiredRetention</c> (default 5 days, as Alertmanager keeps them; 0 to 90 days): how long an
    /// expired silence stays readable (<c>GET</c> shows it <c>expired</c>) before the routing timer deletes it.
    /// </summary>
    public TimeSpan ExpiredRetention { get; set; } = TimeSpan.FromDays(5);
}
