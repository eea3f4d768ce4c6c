using System.Text;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Parsing;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>Periods and amounts read from UTF-8 bytes, the common shapes without a string.</summary>
internal static class Utf8Fields
{
    /// <summary>YYYY, YYYY-MM or YYYYMmm from bytes; others through <see cref="Period.TryParse"/>.</summary>
    public static bool TryPeriod(ReadOnlySpan<byte> t, out Period period)
    {
        period = default;
        if (t.Length >= 4 && D(t[0]) && D(t[1]) && D(t[2]) && D(t[3]))
        {
            var year = ((t[0] - '0') * 1000) + ((t[1] - '0') * 100) + ((t[2] - '0') * 10) + (t[3] - '0');
            if (t.Length == 4)
            {
                period = Period.Annual(year);
                return year > 0;
            }

            if (t.Length == 7 && (t[4] == (byte)'-' || t[4] == (byte)'M') && D(t[5]) && D(t[6]))
            {
                var month = ((t[5] - '0') * 10) + (t[6] - '0');
                period = Period.Monthly(year, month);
                return year > 0 && month is >= 1 and <= 12;
            }
        }

        return Period.TryParse(Encoding.UTF8.GetString(t), out period) && period.Year is > 0 and < 10000;
    }

    private static bool D(byte b) => (uint)(b - '0') <= 9;

    /// <summary>
    /// OBS_VALUE as an exact amount (a weight in 100 kg becomes kg), null when not given (empty, ':' or flag 'c');
    /// <paramref name="problem"/> says what is wrong with it, as the reader says it.
    /// </summary>
    public static decimal? Amount(ReadOnlySpan<byte> text, ReadOnlySpan<byte> flag, int indicator, decimal maxAmount, out string? problem)
    {
        problem = null;
        if (text.IsEmpty || text.SequenceEqual(":"u8) || flag.SequenceEqual("c"u8))
        {
            return null;
        }

        // Fast path: digits with an optional fraction, at most 18 digits.
        ulong mantissa = 0;
        var scale = -1;
        var digits = 0;
        var simple = true;
        foreach (var b in text)
        {
            if (D(b))
            {
                mantissa = (mantissa * 10) + (ulong)(b - '0');
                digits++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (b == (byte)'.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                simple = false;
                break;
            }
        }

        decimal amount;
        if (simple && digits is > 0 and <= 18 && scale != 0)
        {
            scale = Math.Max(scale, 0);
            UInt128 m = mantissa;
            if (indicator == 1)
            {
                if (scale >= 2)
                {
                    scale -= 2;
                }
                else
                {
                    m *= scale == 1 ? 10u : 100u;
                    scale = 0;
                }
            }

            while (scale > 0 && m % 10 == 0)
            {
                m /= 10;
                scale--;
            }

            amount = new decimal((int)(uint)m, (int)(uint)(m >> 32), (int)(uint)(m >> 64), false, (byte)scale);
        }
        else
        {
            var chars = Encoding.UTF8.GetString(text);
            problem = AmountRules.TryParse(chars, out amount);
            if (problem is null)
            {
                if (indicator == 1)
                {
                    amount *= 100m;
                }

                amount = AmountRules.Normalize(amount);
            }

            if (problem is not null)
            {
                return null;
            }
        }

        problem = AmountRules.Check(amount, maxAmount, indicator == 1 ? "quantity (kg)" : "value (EUR)");
        return problem is null ? amount : null;
    }
}
