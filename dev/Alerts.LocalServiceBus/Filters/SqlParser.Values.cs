namespace Alerts.LocalServiceBus.Filters;

/// <summary>The value levels: + -, * / %, unary + -, literals, functions and properties.</summary>
internal sealed partial class SqlParser
{
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
}
