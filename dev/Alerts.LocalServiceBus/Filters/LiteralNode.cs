namespace Alerts.LocalServiceBus.Filters;

/// <summary>A constant: string, long, double, bool or NULL.</summary>
internal sealed class LiteralNode(int position, object? value) : SqlNode(position)
{
    public object? Value { get; } = value;

    public override bool CanBeCondition => Value is bool;

    public override object? Evaluate(IFilterableMessage message) => Value;
}
