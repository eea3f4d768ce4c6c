namespace Alerts.DevStack;

/// <summary>The parts of the <see cref="LocalStack"/>, so a test or tool can start only what it needs.</summary>
[Flags]
public enum LocalStackComponents
{
    None = 0,
    Azurite = 1,
    ServiceBus = 2,
    Smtp = 4,
    Webhooks = 8,
    Replay = 16,
    All = Azurite | ServiceBus | Smtp | Webhooks | Replay,
}
