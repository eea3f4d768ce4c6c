namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// The system properties a filter may name (case-insensitive) and the canonical names passed to
/// <see cref="IFilterableMessage.TryGetSystemProperty"/>. Subject is an alias of Label.
/// </summary>
public static class SystemPropertyNames
{
    public const string MessageId = "MessageId";
    public const string CorrelationId = "CorrelationId";
    public const string Label = "Label";
    public const string Subject = "Subject";
    public const string To = "To";
    public const string ReplyTo = "ReplyTo";
    public const string ContentType = "ContentType";
    public const string SessionId = "SessionId";
    public const string ReplyToSessionId = "ReplyToSessionId";

    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        [MessageId] = MessageId,
        [CorrelationId] = CorrelationId,
        [Label] = Label,
        [Subject] = Label,
        [To] = To,
        [ReplyTo] = ReplyTo,
        [ContentType] = ContentType,
        [SessionId] = SessionId,
        [ReplyToSessionId] = ReplyToSessionId,
    };

    /// <summary>The names accepted after <c>sys.</c>, for error messages.</summary>
    public static string Supported { get; } = string.Join(", ", Canonical.Keys);

    /// <summary>Maps any accepted spelling to its canonical name; false for a name that is not a system property.</summary>
    public static bool TryCanonicalize(string name, out string canonical)
    {
        if (Canonical.TryGetValue(name, out var found))
        {
            canonical = found;
            return true;
        }

        canonical = string.Empty;
        return false;
    }
}
