namespace Alerts.Functions.Web;

/// <summary>
/// A material's state on the overview, worst first. <see cref="Pending"/> is the place for the alert lifecycle's
/// pending state (a breach not yet held long enough to fire); until the lifecycle stores it, nothing is pending.
/// </summary>
public enum MaterialState
{
    Firing,
    Pending,
    Ok,
    NoData,
}

internal static class MaterialStates
{
    public static string Name(this MaterialState state) => state switch
    {
        MaterialState.Firing => "firing",
        MaterialState.Pending => "pending",
        MaterialState.Ok => "ok",
        _ => "no data",
    };

    public static string CssClass(this MaterialState state) => "state state-" + state.Name().Replace(" ", string.Empty, StringComparison.Ordinal);
}
