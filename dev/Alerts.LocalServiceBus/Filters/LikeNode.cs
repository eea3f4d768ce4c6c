namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// <c>x [NOT] LIKE pattern [ESCAPE c]</c>; unknown if any operand is unknown or not a string, or the
/// escape is not one character. A constant pattern is compiled once, at parse time.
/// </summary>
internal sealed class LikeNode : SqlNode
{
    private readonly SqlNode _value;
    private readonly SqlNode _pattern;
    private readonly SqlNode? _escape;
    private readonly bool _negated;
    private readonly LikePattern? _constant;

    public LikeNode(int position, SqlNode value, SqlNode pattern, SqlNode? escape, bool negated, LikePattern? constant)
        : base(position)
    {
        _value = value;
        _pattern = pattern;
        _escape = escape;
        _negated = negated;
        _constant = constant;
    }

    public override object? Evaluate(IFilterableMessage message)
    {
        if (_value.Evaluate(message) is not string input)
        {
            return null;
        }

        var compiled = _constant;
        if (compiled is null)
        {
            if (_pattern.Evaluate(message) is not string pattern || !TryEscape(_escape?.Evaluate(message), _escape is null, out var escape)
                || !LikePattern.TryCompile(pattern, escape, out compiled))
            {
                return null;
            }
        }

        return SqlValues.Box(compiled.IsMatch(input) != _negated);
    }

    /// <summary>Reads an ESCAPE operand: absent, or a one-character string.</summary>
    public static bool TryEscape(object? value, bool absent, out char? escape)
    {
        escape = null;
        if (absent)
        {
            return true;
        }

        if (value is string { Length: 1 } s)
        {
            escape = s[0];
            return true;
        }

        return false;
    }
}
