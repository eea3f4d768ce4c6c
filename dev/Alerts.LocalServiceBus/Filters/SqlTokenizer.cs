using System.Globalization;
using System.Text;

namespace Alerts.LocalServiceBus.Filters;

/// <summary>Splits a filter expression into tokens; bad lexemes throw <see cref="FilterSyntaxException"/>.</summary>
internal static class SqlTokenizer
{
    public static List<SqlToken> Tokenize(string text)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new SqlToken(SqlTokenKind.End, string.Empty, text.Length));
                return tokens;
            }

            var c = text[i];
            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Identifier, text[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c == '\'')
            {
                var start = i;
                var value = ReadDelimited(text, ref i, '\'', "string");
                tokens.Add(new SqlToken(SqlTokenKind.String, value, start, value));
            }
            else if (c == '[')
            {
                var start = i;
                tokens.Add(new SqlToken(SqlTokenKind.DelimitedIdentifier, ReadDelimited(text, ref i, ']', "name"), start));
            }
            else if (c == '"')
            {
                var start = i;
                tokens.Add(new SqlToken(SqlTokenKind.DelimitedIdentifier, ReadDelimited(text, ref i, '"', "name"), start));
            }
            else
            {
                tokens.Add(ReadSymbol(text, ref i));
            }
        }
    }

    private static SqlToken ReadSymbol(string text, ref int i)
    {
        var start = i;
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        string symbol;
        switch (c)
        {
            case '<' when next is '>' or '=':
            case '>' when next == '=':
            case '!' when next == '=':
                symbol = new string([c, next]);
                break;
            case '=' or '<' or '>' or '+' or '-' or '*' or '/' or '%' or '(' or ')' or ',' or '.':
                symbol = c.ToString();
                break;
            case '@':
                throw new FilterSyntaxException(
                    $"parameters such as '@name' are not supported, at position {start}; write the value as a literal", start);
            default:
                throw new FilterSyntaxException($"unexpected character '{c}' at position {start}", start);
        }

        i += symbol.Length;
        return new SqlToken(SqlTokenKind.Symbol, symbol, start);
    }

    // Reads text between an opening and closing delimiter; a doubled closing delimiter stands for itself.
    private static string ReadDelimited(string text, ref int i, char close, string what)
    {
        var start = i;
        var builder = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new FilterSyntaxException(
                    $"unterminated {what} starting at position {start}: expected closing {close} at position {text.Length}", start);
            }

            if (text[i] == close)
            {
                if (i + 1 < text.Length && text[i + 1] == close)
                {
                    builder.Append(close);
                    i += 2;
                    continue;
                }

                i++;
                return builder.ToString();
            }

            builder.Append(text[i]);
            i++;
        }
    }

    private static SqlToken ReadNumber(string text, ref int i)
    {
        var start = i;
        var isDouble = false;
        SkipDigits(text, ref i);
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i++;
            SkipDigits(text, ref i);
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            isDouble = true;
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                throw new FilterSyntaxException($"expected exponent digits at position {i}", i);
            }

            SkipDigits(text, ref i);
        }

        if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
        {
            throw new FilterSyntaxException($"unexpected character '{text[i]}' after number at position {i}", i);
        }

        var lexeme = text[start..i];
        if (isDouble)
        {
            var value = double.Parse(lexeme, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                throw new FilterSyntaxException($"number {lexeme} at position {start} is out of range", start);
            }

            return new SqlToken(SqlTokenKind.Double, lexeme, start, value);
        }

        if (!long.TryParse(lexeme, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
        {
            throw new FilterSyntaxException($"integer {lexeme} at position {start} is out of range (64-bit)", start);
        }

        return new SqlToken(SqlTokenKind.Integer, lexeme, start, integer);
    }

    private static void SkipDigits(string text, ref int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
    }
}
