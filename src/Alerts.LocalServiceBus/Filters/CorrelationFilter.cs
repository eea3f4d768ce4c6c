namespace Alerts.LocalServiceBus.Filters;

/// <summary>Equality on system properties and application properties; all given conditions must hold.</summary>
public sealed class CorrelationFilter : MessageFilter
{
    /// <param name="systemProperties">Expected system property values by name (MessageId, CorrelationId, Label, To, ReplyTo, ContentType, SessionId, ReplyToSessionId).</param>
    /// <param name="applicationProperties">Expected application property values by name.</param>
    public CorrelationFilter(IReadOnlyDictionary<string, object?> systemProperties, IReadOnlyDictionary<string, object?> applicationProperties)
    {
        SystemProperties = systemProperties;
        ApplicationProperties = applicationProperties;
    }

    public IReadOnlyDictionary<string, object?> SystemProperties { get; }

    public IReadOnlyDictionary<string, object?> ApplicationProperties { get; }

    public override bool Matches(IFilterableMessage message) => throw new NotImplementedException();
}
