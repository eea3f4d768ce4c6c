namespace Alerts.LocalServiceBus.Filters;

/// <summary>A <c>sys.</c> or application (<c>user.</c> or bare) property reference.</summary>
internal sealed class PropertyNode(int position, PropertyReference reference) : SqlNode(position)
{
    public PropertyReference Reference { get; } = reference;

    public override object? Evaluate(IFilterableMessage message) =>
        Reference.TryResolve(message, out var value) ? value : null;
}
