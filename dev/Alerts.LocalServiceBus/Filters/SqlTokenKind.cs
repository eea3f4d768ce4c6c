namespace Alerts.LocalServiceBus.Filters;

/// <summary>Lexical classes of the SQL filter language.</summary>
internal enum SqlTokenKind
{
    /// <summary>End of the expression; its position is the expression's length.</summary>
    End,

    /// <summary>A bare name; keywords are bare names too, recognised by the parser.</summary>
    Identifier,

    /// <summary>A <c>[bracketed]</c> or <c>"quoted"</c> name, never a keyword.</summary>
    DelimitedIdentifier,

    String,
    Integer,
    Double,

    /// <summary>Operators and punctuation; <see cref="SqlToken.Text"/> holds the symbol.</summary>
    Symbol,
}
