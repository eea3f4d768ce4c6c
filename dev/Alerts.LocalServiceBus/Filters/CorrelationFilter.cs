namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// Equality on system properties and application properties; all given conditions must hold, and a
/// property the message lacks never matches. Names are case-insensitive; values compare as in
/// <see cref="SqlFilter"/> (<c>=</c>: ordinal strings, promoted numbers).
/// </summary>
public sealed class CorrelationFilter : MessageFilter
{
    private readonly (PropertyReference Reference, object? Expected)[] _conditions;

    /// <param name="systemProperties">Expected system property values by name (MessageId, CorrelationId, Label or Subject, To, ReplyTo, ContentType, SessionId, ReplyToSessionId).</param>
    /// <param name="applicationProperties">Expected application property values by name.</param>
    /// <exception cref="ArgumentException">An unknown system property name, or no condition at all (Service Bus rejects an empty correlation filter).</exception>
    public CorrelationFilter(IReadOnlyDictionary<string, object?> systemProperties, IReadOnlyDictionary<string, object?> applicationProperties)
    {
        ArgumentNullException.ThrowIfNull(systemProperties);
        ArgumentNullException.ThrowIfNull(applicationProperties);
        SystemProperties = systemProperties;
        ApplicationProperties = applicationProperties;

        var conditions = new List<(PropertyReference, object?)>();
        foreach (var (name, expected) in systemProperties)
        {
            if (!SystemPropertyNames.TryCanonicalize(name, out var canonical))
            {
                throw new ArgumentException(
                    $"Unknown system property '{name}' in correlation filter; expected one of {SystemPropertyNames.Supported}.",
                    nameof(systemProperties));
            }

            conditions.Add((new PropertyReference(true, canonical), expected));
        }

        foreach (var (name, expected) in applicationProperties)
        {
            conditions.Add((new PropertyReference(false, name), expected));
        }

        if (conditions.Count == 0)
        {
            throw new ArgumentException("A correlation filter needs at least one system or application property.", nameof(systemProperties));
        }

        _conditions = [.. conditions];
    }

    public IReadOnlyDictionary<string, object?> SystemProperties { get; }

    public IReadOnlyDictionary<string, object?> ApplicationProperties { get; }

    public override bool Matches(IFilterableMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var (reference, expected) in _conditions)
        {
            if (!reference.TryResolve(message, out var actual) || !ValueMatches(expected, actual))
            {
                return false;
            }
        }

        return true;
    }

    // An expected null matches a property that is present with a null value; otherwise SQL equality.
    private static bool ValueMatches(object? expected, object? actual) =>
        expected is null ? actual is null : SqlValues.AreEqual(expected, actual) == true;
}
