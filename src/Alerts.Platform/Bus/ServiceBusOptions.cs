namespace Alerts.Platform.Bus;

/// <summary>
/// How to reach Service Bus: <c>ServiceBus:ConnectionString</c> (the loopback broker, the emulator, or a
/// SAS key), or <c>ServiceBus:FullyQualifiedNamespace</c> with <c>DefaultAzureCredential</c> (managed identity).
/// </summary>
public sealed class ServiceBusOptions
{
    public const string SectionName = "ServiceBus";

    /// <summary>A connection string; a secret (it holds the key): never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>E.g. <c>alerts-prod.servicebus.windows.net</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>Timeout of one SDK operation try; the SDK default is 60 s.</summary>
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The problems, each naming the setting; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasNamespace = !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);
        if (!hasConnectionString && !hasNamespace)
        {
            errors.Add($"Set {SectionName}:ConnectionString, or {SectionName}:FullyQualifiedNamespace (with a managed identity).");
        }

        if (hasConnectionString && !ConnectionString!.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{SectionName}:ConnectionString has no 'Endpoint=' part.");
        }

        if (!hasConnectionString && hasNamespace && (FullyQualifiedNamespace!.Contains("://", StringComparison.Ordinal) || FullyQualifiedNamespace.Contains('/', StringComparison.Ordinal)))
        {
            errors.Add($"{SectionName}:FullyQualifiedNamespace must be a host name such as 'name.servicebus.windows.net', without scheme or path.");
        }

        if (TryTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:TryTimeout must be positive.");
        }

        return errors;
    }
}
