namespace Alerts.LocalServiceBus.Filters;

/// <summary>A subscription rule's filter: SQL, correlation, or the <c>$Default</c> true filter.</summary>
public abstract class MessageFilter
{
    public static MessageFilter True { get; } = new ConstantFilter(true);

    public static MessageFilter False { get; } = new ConstantFilter(false);

    /// <summary>True only when the filter evaluates to true (unknown does not match).</summary>
    public abstract bool Matches(IFilterableMessage message);

    private sealed class ConstantFilter(bool value) : MessageFilter
    {
        public override bool Matches(IFilterableMessage message) => value;
    }
}
