namespace Alerts.Platform.Storage;

/// <summary>The tables and blob containers the app owns (before <see cref="StorageOptions.NamePrefix"/>).</summary>
public static class StorageNames
{
    /// <summary>Concentration indices per series, basis and period.</summary>
    public const string IndicesTable = "indices";

    /// <summary>Alert state per rule, series and basis.</summary>
    public const string AlertsTable = "alerts";

    /// <summary>Subscriptions, partitioned by owner.</summary>
    public const string SubscriptionsTable = "subscriptions";

    /// <summary>What was last notified per subscription and group (deduplication).</summary>
    public const string NotificationLogTable = "notificationlog";

    /// <summary>One row per delivery attempt.</summary>
    public const string DeliveriesTable = "deliveries";

    /// <summary>Per subscription: consecutive permanent delivery failures and the pause they led to.</summary>
    public const string EndpointHealthTable = "endpointhealth";

    /// <summary>Silences created over HTTP, partitioned by the creating owner.</summary>
    public const string SilencesTable = "silences";

    /// <summary>Alert events held by a silence or mute window per subscription and group, released when it ends.</summary>
    public const string HeldNotificationsTable = "heldnotifications";

    /// <summary>Per series: watermark, last vintage and snapshot hash of the pull.</summary>
    public const string PullStateTable = "pullstate";

    /// <summary>Notifications held by a subscription's group timers or for its digest, per subscription and group.</summary>
    public const string NotificationGroupsTable = "notificationgroups";

    /// <summary>Per-series observation snapshots (gzip JSON lines).</summary>
    public const string SnapshotsContainer = "snapshots";

    /// <summary>Raw source payloads, archived for audit.</summary>
    public const string RawContainer = "raw";

    /// <summary>Notifications decided but not yet recorded in the notification log (the router's outbox).</summary>
    public const string OutboxContainer = "outbox";

    public static readonly IReadOnlyList<string> Tables =
        [IndicesTable, AlertsTable, SubscriptionsTable, NotificationLogTable, DeliveriesTable, EndpointHealthTable, PullStateTable, SilencesTable, HeldNotificationsTable, NotificationGroupsTable];

    public static readonly IReadOnlyList<string> Containers = [SnapshotsContainer, RawContainer, OutboxContainer];
}
