namespace Alerts.LocalServiceBus.Filters;

/// <summary>The condition levels: OR, AND, NOT and the predicates (comparison, IS NULL, IN, LIKE).</summary>
internal sealed partial class SqlParser
{
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
}
