namespace Alerts.Functions.Pull.Recalculations;

/// <summary>Section <c>Recalculations</c>: how often one caller may ask for a recalculation, and how long the pull lease lasts.</summary>
public sealed class RecalculationOptions
{
    public const string Section = "Recalculations";

    /// <summary><c>Recalculations__PerCallerLimit</c>: runs one caller may start per <see cref="RateWindow"/> (default 10); each one spends source API budget.</summary>
    public int PerCallerLimit { get; set; } = 10;

    /// <summary><c>Recalculations__RateWindow</c> (default one hour).</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many queued runs are started per drain, one after the other.</summary>
    public int RunsPerDrain { get; set; } = 3;
}
