namespace Alerts.LocalServiceBus.Filters;

/// <summary>
/// A compiled LIKE pattern: <c>%</c> any run of characters, <c>_</c> exactly one, the escape character
/// makes the next character literal. Matching is ordinal (case-sensitive) and linear-ish: one
/// backtracking point, so no pattern can make it exponential.
/// </summary>
internal sealed class LikePattern
{
    private const char AnyOne = '\0';
    private const char AnyRun = '\u0001';

    // Each element is either a wildcard marker or a literal; IsLiteral says which.
    private readonly char[] _chars;
    private readonly bool[] _isLiteral;

    private LikePattern(char[] chars, bool[] isLiteral)
    {
        _chars = chars;
        _isLiteral = isLiteral;
    }

    /// <summary>Compiles; false when the pattern ends in a lone escape character.</summary>
    public static bool TryCompile(string pattern, char? escape, out LikePattern compiled)
    {
        var chars = new List<char>(pattern.Length);
        var literal = new List<bool>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == escape)
            {
                if (++i >= pattern.Length)
                {
                    compiled = null!;
                    return false;
                }

                chars.Add(pattern[i]);
                literal.Add(true);
            }
            else if (c is '%' or '_')
            {
                chars.Add(c == '%' ? AnyRun : AnyOne);
                literal.Add(false);
            }
            else
            {
                chars.Add(c);
                literal.Add(true);
            }
        }

        compiled = new LikePattern([.. chars], [.. literal]);
        return true;
    }

    public bool IsMatch(string input)
    {
        int i = 0, p = 0, runAt = -1, resumeAt = 0;
        while (i < input.Length)
        {
            if (p < _chars.Length && (_isLiteral[p] ? _chars[p] == input[i] : _chars[p] == AnyOne))
            {
                i++;
                p++;
            }
            else if (p < _chars.Length && !_isLiteral[p] && _chars[p] == AnyRun)
            {
                // Remember the run so a later mismatch can let it swallow one more character.
                runAt = p++;
                resumeAt = i;
            }
            else if (runAt >= 0)
            {
                p = runAt + 1;
                i = ++resumeAt;
            }
            else
            {
                return false;
            }
        }

        while (p < _chars.Length && !_isLiteral[p] && _chars[p] == AnyRun)
        {
            p++;
        }

        return p == _chars.Length;
    }
}
