namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// Recursive-descent parser for the Service Bus SQL filter grammar. Precedence, loosest first:
/// OR, AND, NOT, predicates (comparison, IS NULL, IN, LIKE), + -, * / %, unary + -.
/// </summary>
internal sealed class SqlParser
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

    private SqlNode ParseCondition()
    {
        var node = ParseOr();
        RequireCondition(node);
        return node;
    }

    private SqlNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            var position = Advance().Position;
            var right = ParseAnd();
            RequireCondition(left);
            RequireCondition(right);
            left = new OrNode(position, left, right);
        }

        return left;
    }

    private SqlNode ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            var position = Advance().Position;
            var right = ParseNot();
            RequireCondition(left);
            RequireCondition(right);
            left = new AndNode(position, left, right);
        }

        return left;
    }

    private SqlNode ParseNot()
    {
        if (!Current.IsKeyword("NOT"))
        {
            return ParsePredicate();
        }

        var position = Advance().Position;
        Enter();
        var operand = ParseNot();
        _depth--;
        RequireCondition(operand);
        return new NotNode(position, operand);
    }

    private SqlNode ParsePredicate()
    {
        var left = ParseAdditive();
        var token = Current;
        if (ComparisonFrom(token) is { } op)
        {
            Advance();
            return new ComparisonNode(token.Position, op, left, ParseAdditive());
        }

        if (token.IsKeyword("IS"))
        {
            Advance();
            var negated = TryKeyword("NOT");
            ExpectKeyword("NULL");
            return new IsNullNode(token.Position, left, negated);
        }

        var not = token.IsKeyword("NOT") && (Peek(1).IsKeyword("IN") || Peek(1).IsKeyword("LIKE"));
        if (not)
        {
            Advance();
        }

        if (TryKeyword("IN"))
        {
            return new InNode(token.Position, left, ParseList(), not);
        }

        if (TryKeyword("LIKE"))
        {
            return ParseLike(token.Position, left, not);
        }

        return left;
    }

    private List<SqlNode> ParseList()
    {
        ExpectSymbol("(");
        var items = new List<SqlNode> { ParseAdditive() };
        while (Current.IsSymbol(","))
        {
            Advance();
            items.Add(ParseAdditive());
        }

        ExpectSymbol(")");
        return items;
    }

    private LikeNode ParseLike(int position, SqlNode value, bool negated)
    {
        var pattern = ParseAdditive();
        SqlNode? escape = null;
        if (TryKeyword("ESCAPE"))
        {
            escape = ParseAdditive();
        }

        // A constant pattern is checked now, so a broken one is a syntax error rather than a silent non-match.
        LikePattern? compiled = null;
        if (pattern is LiteralNode { Value: string text } && escape is null or LiteralNode)
        {
            if (!LikeNode.TryEscape((escape as LiteralNode)?.Value, escape is null, out var escapeChar))
            {
                throw new FilterSyntaxException($"expected a one-character string after ESCAPE at position {escape!.Position}", escape.Position);
            }

            if (!LikePattern.TryCompile(text, escapeChar, out compiled))
            {
                throw new FilterSyntaxException(
                    $"LIKE pattern at position {pattern.Position} ends with the escape character; expected a character after it", pattern.Position);
            }
        }
        else if (pattern is LiteralNode { Value: not null and not string })
        {
            throw new FilterSyntaxException($"expected a string pattern after LIKE at position {pattern.Position}", pattern.Position);
        }

        return new LikeNode(position, value, pattern, escape, negated, compiled);
    }

    private SqlNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.IsSymbol("+") || Current.IsSymbol("-"))
        {
            var token = Advance();
            var op = token.Text == "+" ? ArithmeticOperator.Add : ArithmeticOperator.Subtract;
            left = new ArithmeticNode(left.Position, op, left, ParseMultiplicative());
        }

        return left;
    }

    private SqlNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.IsSymbol("*") || Current.IsSymbol("/") || Current.IsSymbol("%"))
        {
            var token = Advance();
            var op = token.Text switch
            {
                "*" => ArithmeticOperator.Multiply,
                "/" => ArithmeticOperator.Divide,
                _ => ArithmeticOperator.Modulo,
            };
            left = new ArithmeticNode(left.Position, op, left, ParseUnary());
        }

        return left;
    }

    private SqlNode ParseUnary()
    {
        if (!Current.IsSymbol("-") && !Current.IsSymbol("+"))
        {
            return ParsePrimary();
        }

        var token = Advance();
        Enter();
        var operand = ParseUnary();
        _depth--;
        return new SignNode(token.Position, token.Text == "-", operand);
    }

    private SqlNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case SqlTokenKind.String or SqlTokenKind.Integer or SqlTokenKind.Double:
                Advance();
                return new LiteralNode(token.Position, token.Value);
            case SqlTokenKind.DelimitedIdentifier:
                return new PropertyNode(token.Position, ParseProperty());
            case SqlTokenKind.Symbol when token.Text == "(":
                Advance();
                Enter();
                var inner = ParseOr();
                _depth--;
                ExpectSymbol(")");
                return inner;
            case SqlTokenKind.Identifier:
                return ParseNamed(token);
            default:
                throw Expected("a value, a property or '('");
        }
    }

    // Keyword literals, EXISTS, functions and properties all start with a bare name.
    private SqlNode ParseNamed(SqlToken token)
    {
        if (token.IsKeyword("TRUE") || token.IsKeyword("FALSE"))
        {
            Advance();
            return new LiteralNode(token.Position, SqlValues.Box(token.IsKeyword("TRUE")));
        }

        if (token.IsKeyword("NULL"))
        {
            Advance();
            return new LiteralNode(token.Position, null);
        }

        if (token.IsKeyword("EXISTS"))
        {
            Advance();
            ExpectSymbol("(");
            if (Current.Kind is not (SqlTokenKind.Identifier or SqlTokenKind.DelimitedIdentifier))
            {
                throw Expected("a property name");
            }

            var reference = ParseProperty();
            ExpectSymbol(")");
            return new ExistsNode(token.Position, reference);
        }

        if (Keywords.Contains(token.Text))
        {
            throw Expected("a value, a property or '('");
        }

        if (Peek(1).IsSymbol("("))
        {
            return ParseFunction(token);
        }

        return new PropertyNode(token.Position, ParseProperty());
    }

    private SqlNode ParseFunction(SqlToken name)
    {
        Advance();
        Advance();
        if (name.Text.Equals("newid", StringComparison.OrdinalIgnoreCase))
        {
            ExpectSymbol(")");
            return new NewIdNode(name.Position);
        }

        if (name.Text.Equals("property", StringComparison.OrdinalIgnoreCase) || name.Text.Equals("p", StringComparison.OrdinalIgnoreCase))
        {
            var argument = ParseAdditive();
            ExpectSymbol(")");
            return new PropertyFunctionNode(name.Position, argument);
        }

        throw new FilterSyntaxException(
            $"unknown function '{name.Text}' at position {name.Position}; expected newid(), property(name) or p(name)", name.Position);
    }

    // [scope .] name, where scope is sys or user; a bare or bracketed name alone is an application property.
    private PropertyReference ParseProperty()
    {
        var first = Current;
        if (first.Kind == SqlTokenKind.Identifier && Keywords.Contains(first.Text))
        {
            throw Expected("a property name");
        }

        Advance();
        if (!Current.IsSymbol("."))
        {
            return new PropertyReference(false, first.Text);
        }

        var isSystem = first.IsKeyword("sys");
        if (!isSystem && !first.IsKeyword("user"))
        {
            throw new FilterSyntaxException(
                $"unknown scope '{first.Text}' at position {first.Position}; expected 'sys' or 'user'", first.Position);
        }

        Advance();
        var name = Current;
        if (name.Kind is not (SqlTokenKind.Identifier or SqlTokenKind.DelimitedIdentifier))
        {
            throw Expected("a property name");
        }

        Advance();
        if (!isSystem)
        {
            return new PropertyReference(false, name.Text);
        }

        if (!SystemPropertyNames.TryCanonicalize(name.Text, out var canonical))
        {
            throw new FilterSyntaxException(
                $"unknown system property 'sys.{name.Text}' at position {name.Position}; expected one of {SystemPropertyNames.Supported}",
                name.Position);
        }

        return new PropertyReference(true, canonical);
    }

    private static ComparisonOperator? ComparisonFrom(SqlToken token) => token.Kind != SqlTokenKind.Symbol ? null : token.Text switch
    {
        "=" => ComparisonOperator.Equal,
        "<>" or "!=" => ComparisonOperator.NotEqual,
        ">" => ComparisonOperator.GreaterThan,
        ">=" => ComparisonOperator.GreaterThanOrEqual,
        "<" => ComparisonOperator.LessThan,
        "<=" => ComparisonOperator.LessThanOrEqual,
        _ => null,
    };

    private static void RequireCondition(SqlNode node)
    {
        if (!node.CanBeCondition)
        {
            throw new FilterSyntaxException(
                $"expected a condition at position {node.Position}, found a value (add a comparison such as '= ...')", node.Position);
        }
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
