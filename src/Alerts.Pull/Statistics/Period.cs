using System.Globalization;

namespace Alerts.Pull.Statistics;

/// <summary>A reference period: a calendar year (<see cref="Month"/> = 0) or a month of a year.</summary>
public readonly record struct Period(int Year, int Month) : IComparable<Period>
{
    public bool IsAnnual => Month == 0;

    public static Period Annual(int year) => new(year, 0);

    public static Period Monthly(int year, int month) => new(year, month);

    public int CompareTo(Period other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Month.CompareTo(other.Month);

    /// <summary>The next month (or year, for an annual period).</summary>
    public Period Next() => IsAnnual ? new(Year + 1, 0) : Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    /// <summary>Accepts <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYYMmm</c> and Comtrade's <c>YYYYMM</c>.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        int year;
        int month;
        switch (s.Length)
        {
            case 4 when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out year):
                month = 0;
                break;
            case 6 when int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
                        && int.TryParse(s.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month):
                break;
            case 7 when (s[4] == '-' || s[4] == 'M' || s[4] == 'm')
                        && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
                        && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month):
                break;
            default:
                return false;
        }

        if (year is < 1900 or > 2200 || month is < 0 or > 12)
        {
            return false;
        }

        period = new Period(year, month);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period (expected YYYY, YYYY-MM or YYYYMmm).");

    /// <summary><c>YYYY</c> or <c>YYYY-MM</c>.</summary>
    public override string ToString() =>
        IsAnnual ? Year.ToString("D4", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;
}
