namespace Alerts.LocalServiceBus.Filters;

/// <summary><c>= &lt;&gt; != &gt; &gt;= &lt; &lt;=</c>; unknown when either side is unknown or the types do not meet.</summary>
internal sealed class ComparisonNode(int position, ComparisonOperator op, SqlNode left, SqlNode right) : SqlNode(position)
{
    public override object? Evaluate(IFilterableMessage message)
    {
        var l = left.Evaluate(message);
        if (l is null)
        {
            return null;
        }

        var r = right.Evaluate(message);
        switch (op)
        {
            case ComparisonOperator.Equal:
                return SqlValues.Box(SqlValues.AreEqual(l, r));
            case ComparisonOperator.NotEqual:
                return SqlValues.AreEqual(l, r) is { } equal ? SqlValues.Box(!equal) : null;
        }

        if (SqlValues.Compare(l, r) is not { } order)
        {
            return null;
        }

        return SqlValues.Box(op switch
        {
            ComparisonOperator.GreaterThan => order > 0,
            ComparisonOperator.GreaterThanOrEqual => order >= 0,
            ComparisonOperator.LessThan => order < 0,
            _ => order <= 0,
        });
    }
}
