namespace Alerts.LocalServiceBus.Broker;

/// <summary>Result of settling a locked message.</summary>
internal enum SettleOutcome
{
    /// <summary>The lock was held; the settlement took effect.</summary>
    Accepted,

    /// <summary>No such lock: it expired, was settled already, or never existed.</summary>
    LockLost,
}
