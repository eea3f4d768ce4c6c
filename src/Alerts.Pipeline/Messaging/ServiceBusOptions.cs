namespace Alerts.Pipeline.Messaging;

/// <summary>
/// Section <c>ServiceBus</c>: a connection string (local stack, emulator) or a namespace reached with a
/// managed identity (Azure), plus how much one drain run may take.
/// </summary>
public sealed class ServiceBusOptions
{
    public const string SectionName = "ServiceBus";

    /// <summary>A secret: never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>E.g. <c>alerts-prod.servicebus.windows.net</c>; used with DefaultAzureCredential.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>Most messages one drain run takes from a subscription.</summary>
    public int MaxMessagesPerRun { get; set; } = 200;

    /// <summary>Messages asked for per receive call.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long one drain run may keep receiving.</summary>
    public TimeSpan RunBudget { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How long one receive call waits for a first message.</summary>
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay of a retry whose notifier gave none: doubled per attempt from this.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Scheduled retries before a message is dead-lettered with <c>RetriesExhausted</c>.</summary>
    public int MaxRetries { get; set; } = 8;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(FullyQualifiedNamespace))
        {
            errors.Add("Setting ServiceBus__ConnectionString or ServiceBus__FullyQualifiedNamespace is required.");
        }

        if (MaxMessagesPerRun < 1 || BatchSize < 1 || BatchSize > 500)
        {
            errors.Add("Settings ServiceBus__MaxMessagesPerRun must be at least 1 and ServiceBus__BatchSize between 1 and 500.");
        }

        if (RunBudget <= TimeSpan.Zero || ReceiveWait <= TimeSpan.Zero || RetryBaseDelay <= TimeSpan.Zero)
        {
            errors.Add("Settings ServiceBus__RunBudget, ServiceBus__ReceiveWait and ServiceBus__RetryBaseDelay must be positive durations.");
        }

        if (MaxRetries < 0)
        {
            errors.Add("Setting ServiceBus__MaxRetries must not be negative.");
        }

        return errors;
    }
}
