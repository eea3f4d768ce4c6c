namespace Alerts.Core.Routing;

/// <summary>The delivery channels; each has the same shape under <c>Delivery/&lt;Channel&gt;</c>.</summary>
public static class Channels
{
    public const string Email = "email";
    public const string Teams = "teams";

    public static readonly IReadOnlyList<string> All = [Email, Teams];
}
