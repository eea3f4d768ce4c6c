namespace Alerts.LocalServiceBus.Filters;

/// <summary>SQL NOT: unknown stays unknown.</summary>
internal sealed class NotNode(int position, SqlNode operand) : SqlNode(position)
{
    public override object? Evaluate(IFilterableMessage message) =>
        SqlValues.AsBool(operand.Evaluate(message)) is { } b ? SqlValues.Box(!b) : null;
}
