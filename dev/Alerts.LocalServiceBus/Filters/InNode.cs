namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// <c>x [NOT] IN (a, b, ...)</c> with SQL semantics: true on any equal item; otherwise unknown if x or
/// any item was unknown, else false. NOT IN is the negation of that.
/// </summary>
internal sealed class InNode(int position, SqlNode value, IReadOnlyList<SqlNode> items, bool negated) : SqlNode(position)
{
    public override object? Evaluate(IFilterableMessage message)
    {
        var v = value.Evaluate(message);
        if (v is null)
        {
            return null;
        }

        var sawUnknown = false;
        foreach (var item in items)
        {
            switch (SqlValues.AreEqual(v, item.Evaluate(message)))
            {
                case true:
                    return SqlValues.Box(!negated);
                case null:
                    sawUnknown = true;
                    break;
            }
        }

        return sawUnknown ? null : SqlValues.Box(negated);
    }
}
