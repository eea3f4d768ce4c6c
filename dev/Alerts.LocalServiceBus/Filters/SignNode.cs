namespace Alerts.LocalServiceBus.Filters;

/// <summary>Unary minus or plus on a number.</summary>
internal sealed class SignNode(int position, bool negate, SqlNode operand) : SqlNode(position)
{
    public override bool CanBeCondition => false;

    public override object? Evaluate(IFilterableMessage message)
    {
        var value = operand.Evaluate(message);
        return negate ? SqlValues.Negate(value) : SqlValues.Identity(value);
    }
}
