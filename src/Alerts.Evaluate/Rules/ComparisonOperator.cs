using Alerts.Compute.Series;

namespace Alerts.Evaluate.Rules;

/// <summary>How a rule compares a metric's value with its threshold.</summary>
public enum ComparisonOperator
{
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}

/// <summary>Symbols (<c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>) and evaluation of <see cref="ComparisonOperator"/>.</summary>
public static class ComparisonOperators
{
    public static readonly IReadOnlyList<string> Symbols = [">", ">=", "<", "<="];

    public static bool TryParse(string? symbol, out ComparisonOperator op)
    {
        switch (symbol?.Trim())
        {
            case ">": op = ComparisonOperator.GreaterThan; return true;
            case ">=": op = ComparisonOperator.GreaterThanOrEqual; return true;
            case "<": op = ComparisonOperator.LessThan; return true;
            case "<=": op = ComparisonOperator.LessThanOrEqual; return true;
            default: op = default; return false;
        }
    }

    public static string ToSymbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>True when the rule watches for a value rising above its threshold (<c>&gt;</c>, <c>&gt;=</c>).</summary>
    public static bool IsUpward(this ComparisonOperator op) =>
        op is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual;

    /// <summary><c>value op threshold</c>; NaN never holds.</summary>
    public static bool Holds(this ComparisonOperator op, double value, double threshold) => op switch
    {
        ComparisonOperator.GreaterThan => value > threshold,
        ComparisonOperator.GreaterThanOrEqual => value >= threshold,
        ComparisonOperator.LessThan => value < threshold,
        ComparisonOperator.LessThanOrEqual => value <= threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
