namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// Recursive-descent parser for the Service Bus SQL filter grammar. Precedence, loosest first:
/// OR, AND, NOT, predicates (comparison, IS NULL, IN, LIKE), + -, * / %, unary + -. This file holds the entry point and
/// the token cursor; the condition levels are in SqlParser.Conditions.cs, the value levels in SqlParser.Values.cs.
/// </summary>
internal sealed partial class SqlParser
{
    // Deep enough for any real filter; stops a hostile "((((..." from overflowing the stack.
    private const int MaxDepth = 100;

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "IN", "LIKE", "ESCAPE", "IS", "NULL", "EXISTS", "TRUE", "FALSE",
    };

    private readonly List<SqlToken> _tokens;
    private int _index;
    private int _depth;

    private SqlParser(List<SqlToken> tokens)
    {
        _tokens = tokens;
    }

    private SqlToken Current => _tokens[_index];

    public static SqlNode Parse(string expression)
    {
        var parser = new SqlParser(SqlTokenizer.Tokenize(expression));
        if (parser.Current.Kind == SqlTokenKind.End)
        {
            var end = parser.Current.Position;
            throw new FilterSyntaxException($"expected a condition at position {end}, found an empty expression", end);
        }

        var root = parser.ParseCondition();
        if (parser.Current.Kind != SqlTokenKind.End)
        {
            throw parser.Expected("an operator, AND, OR or end of expression");
        }

        return root;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new FilterSyntaxException($"expression nested deeper than {MaxDepth} levels at position {Current.Position}", Current.Position);
        }
    }

    private SqlToken Peek(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private SqlToken Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private bool TryKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw Expected(keyword);
        }
    }

    private void ExpectSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            throw Expected("'" + symbol + "'");
        }

        Advance();
    }

    private FilterSyntaxException Expected(string what) =>
        new($"expected {what} at position {Current.Position}, found {Current.Describe()}", Current.Position);
}
