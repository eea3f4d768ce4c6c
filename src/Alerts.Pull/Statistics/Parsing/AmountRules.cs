using System.Globalization;

namespace Alerts.Pull.Statistics.Parsing;

/// <summary>Checks a reported figure: finite, not negative, not absurdly large.</summary>
internal static class AmountRules
{
    /// <summary>
    /// Drops trailing zeros (1772.90 x 100 = 177290.00 becomes 177290), so the same figure read from any format
    /// prints and hashes the same. A whole number (scale 0) has none to drop, and decimal division is slow.
    /// </summary>
    public static decimal Normalize(decimal value) => value.Scale == 0 ? value : value / 1.0000000000000000000000000000m;

    /// <summary>Returns a problem description, or null when the amount is acceptable.</summary>
    public static string? Check(decimal amount, decimal max, string what)
    {
        if (amount < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what} is negative ({amount}); trade figures are never below zero");
        }

        if (amount > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what} {amount} exceeds the plausible maximum {max}");
        }

        return null;
    }

    /// <summary>Parses an invariant decimal (fixed or exponent notation); null text = missing. Returns a problem or null.</summary>
    public static string? TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }

        var t = text.ToString();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return double.IsFinite(d) ? $"number '{t}' is out of range" : $"'{t}' is not a finite number";
        }

        return $"'{t}' is not a number";
    }
}
