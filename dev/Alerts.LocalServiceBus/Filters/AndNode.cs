namespace Alerts.LocalServiceBus.Filters;

/// <summary>SQL AND: false wins over unknown, so a false left side skips the right.</summary>
internal sealed class AndNode(int position, SqlNode left, SqlNode right) : SqlNode(position)
{
    public override object? Evaluate(IFilterableMessage message)
    {
        var l = SqlValues.AsBool(left.Evaluate(message));
        if (l == false)
        {
            return SqlValues.False;
        }

        var r = SqlValues.AsBool(right.Evaluate(message));
        if (r == false)
        {
            return SqlValues.False;
        }

        return l == true && r == true ? SqlValues.True : null;
    }
}
