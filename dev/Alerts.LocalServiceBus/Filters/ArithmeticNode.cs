namespace Alerts.LocalServiceBus.Filters;

/// <summary><c>+ - * / %</c> on numbers (and + on strings); never a condition by itself.</summary>
internal sealed class ArithmeticNode(int position, ArithmeticOperator op, SqlNode left, SqlNode right) : SqlNode(position)
{
    public override bool CanBeCondition => false;

    public override object? Evaluate(IFilterableMessage message) =>
        SqlValues.Arithmetic(op, left.Evaluate(message), right.Evaluate(message));
}
