namespace Alerts.DevStack.Azurite;

/// <summary>Azurite did not come up; carries its last output lines in the message.</summary>
public sealed class AzuriteStartException : Exception
{
    public AzuriteStartException(string message, bool portInUse)
        : base(message)
    {
        PortInUse = portInUse;
    }

    /// <summary>True when Azurite reported a port already taken (worth retrying on other ports).</summary>
    public bool PortInUse { get; }
}
