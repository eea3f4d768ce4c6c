using Alerts.Evaluate.Lifecycle;

namespace Alerts.Functions.Web;

/// <summary>A material's state on the overview, worst first (the order the state column sorts by).</summary>
public enum MaterialState
{
    Firing,
    Pending,
    Ok,
    NoData,
}

public static class MaterialStates
{
    /// <summary>
    /// The state of a material from the live alerts of its series (at the chosen stages) and its headline series:
    /// <see cref="MaterialState.Firing"/> when one fires or is recovering (the lifecycle still counts it as firing),
    /// else <see cref="MaterialState.Pending"/> when one waits out its rule's <c>for</c>, else
    /// <see cref="MaterialState.NoData"/> when no series has data or the headline series is marked without data
    /// (API state <c>noData</c>), else <see cref="MaterialState.Ok"/>.
    /// </summary>
    public static MaterialState Of(IReadOnlyCollection<AlertRecord> alerts, MaterialSeries? headline)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Any(a => AlertStatuses.IsFiring(a.State)))
        {
            return MaterialState.Firing;
        }

        if (alerts.Any(a => a.State == AlertStatus.Pending))
        {
            return MaterialState.Pending;
        }

        return headline is null || alerts.Any(a => a.NoDataAt is not null && a.Product == headline.Product)
            ? MaterialState.NoData
            : MaterialState.Ok;
    }

    public static string Name(this MaterialState state) => state switch
    {
        MaterialState.Firing => "firing",
        MaterialState.Pending => "pending",
        MaterialState.Ok => "ok",
        _ => "no data",
    };

    public static string CssClass(this MaterialState state) => "state state-" + state.Name().Replace(" ", string.Empty, StringComparison.Ordinal);
}
