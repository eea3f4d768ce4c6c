namespace Alerts.LocalServiceBus.Filters;

/// <summary>SQL OR: true wins over unknown, so a true left side skips the right.</summary>
internal sealed class OrNode(int position, SqlNode left, SqlNode right) : SqlNode(position)
{
    public override object? Evaluate(IFilterableMessage message)
    {
        var l = SqlValues.AsBool(left.Evaluate(message));
        if (l == true)
        {
            return SqlValues.True;
        }

        var r = SqlValues.AsBool(right.Evaluate(message));
        if (r == true)
        {
            return SqlValues.True;
        }

        return l == false && r == false ? SqlValues.False : null;
    }
}
