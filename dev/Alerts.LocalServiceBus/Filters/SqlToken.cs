namespace Alerts.LocalServiceBus.Filters;

/// <summary>One token: its class, its text (a name's unescaped text, a symbol), literal value and offset.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Position, object? Value = null)
{
    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;

    public bool IsKeyword(string keyword) =>
        Kind == SqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        SqlTokenKind.End => "end of expression",
        SqlTokenKind.String => "string '" + Text + "'",
        SqlTokenKind.DelimitedIdentifier => "name [" + Text + "]",
        _ => "'" + Text + "'",
    };
}
