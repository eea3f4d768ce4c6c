namespace Alerts.LocalServiceBus.Broker;

/// <summary>
/// A link address parsed: <c>topic</c>, <c>topic/Subscriptions/sub</c>, <c>.../$DeadLetterQueue</c>, each optionally
/// followed by <c>/$management</c>. Case-insensitive; a leading '/' and an <c>amqp://host</c> prefix are ignored.
/// </summary>
internal sealed record EntityPath(string Topic, string? Subscription, bool DeadLetter, bool Management)
{
    public static bool TryParse(string? address, out EntityPath path)
    {
        path = null!;
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        var text = address;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" or "sb")
        {
            text = uri.AbsolutePath;
        }

        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var management = parts.Count > 0 && parts[^1].Equals("$management", StringComparison.OrdinalIgnoreCase);
        if (management)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        var deadLetter = parts.Count > 0 && parts[^1].Equals("$DeadLetterQueue", StringComparison.OrdinalIgnoreCase);
        if (deadLetter)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        switch (parts.Count)
        {
            case 1 when !deadLetter:
                path = new EntityPath(parts[0], null, false, management);
                return true;
            case 3 when parts[1].Equals("Subscriptions", StringComparison.OrdinalIgnoreCase):
                path = new EntityPath(parts[0], parts[2], deadLetter, management);
                return true;
            default:
                return false;
        }
    }
}
