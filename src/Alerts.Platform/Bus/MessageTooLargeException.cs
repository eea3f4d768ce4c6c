namespace Alerts.Platform.Bus;

/// <summary>A message would exceed the Standard tier's 256 KB limit; nothing of the publish call was sent.</summary>
public sealed class MessageTooLargeException(string message) : Exception(message);
