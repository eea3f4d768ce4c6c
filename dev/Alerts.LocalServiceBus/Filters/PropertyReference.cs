namespace Alerts.LocalServiceBus.Filters;

/// <summary>A resolved property name: system properties carry their canonical name (Subject reads as Label).</summary>
internal readonly record struct PropertyReference(bool IsSystem, string Name)
{
    /// <summary>Reads the property; false when the message does not carry it.</summary>
    public bool TryResolve(IFilterableMessage message, out object? value)
    {
        if (!IsSystem)
        {
            return message.TryGetApplicationProperty(Name, out value);
        }

        if (message.TryGetSystemProperty(Name, out value))
        {
            return true;
        }

        // Label and Subject are one property under two names; accept a message that only knows the new one.
        return Name == SystemPropertyNames.Label && message.TryGetSystemProperty(SystemPropertyNames.Subject, out value);
    }

    /// <summary>Reads a "sys.X", "user.X" or bare name given at evaluation time (the property() function).</summary>
    public static PropertyReference? FromText(string text)
    {
        if (text.StartsWith("sys.", StringComparison.OrdinalIgnoreCase))
        {
            return SystemPropertyNames.TryCanonicalize(text[4..], out var canonical) ? new PropertyReference(true, canonical) : null;
        }

        return new PropertyReference(false, text.StartsWith("user.", StringComparison.OrdinalIgnoreCase) ? text[5..] : text);
    }
}
