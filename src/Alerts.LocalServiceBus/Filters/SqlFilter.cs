namespace Alerts.LocalServiceBus.Filters;

/// <summary>The Service Bus SQL filter language (subset in SERVICEBUS.md), with three-valued logic.</summary>
public sealed class SqlFilter : MessageFilter
{
    private SqlFilter(string expression)
    {
        Expression = expression;
    }

    public string Expression { get; }

    /// <summary>Parses an expression; throws <see cref="FilterSyntaxException"/> naming the position and what was expected.</summary>
    public static SqlFilter Parse(string expression) => throw new NotImplementedException();

    /// <summary>Evaluates to true, false, or null (unknown).</summary>
    public bool? Evaluate(IFilterableMessage message) => throw new NotImplementedException();

    public override bool Matches(IFilterableMessage message) => Evaluate(message) == true;
}
