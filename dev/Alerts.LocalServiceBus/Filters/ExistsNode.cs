namespace Alerts.LocalServiceBus.Filters;

/// <summary><c>EXISTS(p)</c>: whether the message carries the property, even with a null value.</summary>
internal sealed class ExistsNode(int position, PropertyReference reference) : SqlNode(position)
{
    public override object? Evaluate(IFilterableMessage message) =>
        SqlValues.Box(reference.TryResolve(message, out _));
}
