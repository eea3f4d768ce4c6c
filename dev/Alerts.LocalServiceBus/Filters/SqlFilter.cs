namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// The Service Bus SQL filter language (SQL-92 subset), with three-valued logic: a missing property or
/// NULL makes comparisons unknown, and only a true result matches. Strings compare ordinally and
/// case-sensitively; numbers of different types are promoted (long, then decimal, then double);
/// values of types that do not meet (a string and a number) compare as unknown.
/// </summary>
public sealed class SqlFilter : MessageFilter
{
    private readonly SqlNode _root;

    private SqlFilter(string expression, SqlNode root)
    {
        Expression = expression;
        _root = root;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses an expression; throws <see cref="FilterSyntaxException"/> naming the position and what was expected.</summary>
    public static SqlFilter Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new SqlFilter(expression, SqlParser.Parse(expression));
    }

    /// <summary>Evaluates to true, false, or null (unknown).</summary>
    public bool? Evaluate(IFilterableMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SqlValues.AsBool(_root.Evaluate(message));
    }

    public override bool Matches(IFilterableMessage message) => Evaluate(message) == true;

    public override string ToString() => Expression;
}
