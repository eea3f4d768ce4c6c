namespace Alerts.LocalServiceBus;

/// <summary>A topology file that cannot be used: names the file and the field.</summary>
public sealed class TopologyException(string message) : Exception(message);
