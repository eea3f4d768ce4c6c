namespace Alerts.LocalServiceBus.Filters;

/// <summary><c>x IS [NOT] NULL</c>: a missing property counts as NULL; always true or false, never unknown.</summary>
internal sealed class IsNullNode(int position, SqlNode operand, bool negated) : SqlNode(position)
{
    public override object? Evaluate(IFilterableMessage message) =>
        SqlValues.Box((operand.Evaluate(message) is null) != negated);
}
