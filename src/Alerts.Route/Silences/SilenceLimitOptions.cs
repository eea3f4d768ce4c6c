namespace Alerts.Route.Silences;

/// <summary><c>SilenceLimits__MaxActivePerOwner</c> (default 100): how many silences that have not ended one caller may hold, so one key holder cannot slow every routing run.</summary>
public sealed class SilenceLimitOptions
{
    public const string SectionName = "SilenceLimits";
    public const string SettingName = "SilenceLimits__MaxActivePerOwner";

    public int MaxActivePerOwner { get; set; } = 100;
}
