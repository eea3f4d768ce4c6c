namespace Alerts.LocalServiceBus.Filters;

/// <summary>A SQL filter expression that does not parse.</summary>
public sealed class FilterSyntaxException(string message, int position) : Exception(message)
{
    /// <summary>Zero-based character offset in the expression.</summary>
    public int Position { get; } = position;
}
