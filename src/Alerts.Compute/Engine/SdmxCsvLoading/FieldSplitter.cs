using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>
/// Splits a CSV line into fields in place: positions into the line's own buffer (nothing copied), commas found 32 bytes
/// at a time; a line with quotes field by field into copies.
/// </summary>
internal sealed class FieldSplitter(int columnCount)
{
    private readonly byte[][] quotedFields = new byte[columnCount][];
    private readonly int[] starts = new int[columnCount];
    private readonly int[] lengths = new int[columnCount];
    private byte[] source = [];
    private bool quoted;

    /// <summary>Field <paramref name="column"/> of the last line split, without surrounding spaces.</summary>
    public ReadOnlySpan<byte> Field(int column)
    {
        var s = quoted ? quotedFields[column].AsSpan() : source.AsSpan(starts[column], lengths[column]);
        return s.Length > 0 && (s[0] == (byte)' ' || s[^1] == (byte)' ') ? s.Trim((byte)' ') : s;
    }

    /// <summary>
    /// A line (<paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>, which must
    /// not change while its fields are read): fields between commas; the number of fields found (all kept when it is
    /// the header's), or -1 when the line has a quote (then <see cref="SplitQuoted"/>).
    /// </summary>
    public int Split(byte[] buffer, int offset, int length)
    {
        source = buffer;
        quoted = false;
        var line = buffer.AsSpan(offset, length);
        var n = 0;
        var fieldStart = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetReference(line);
            var commas = Vector256.Create((byte)',');
            var quotes = Vector256.Create((byte)'"');
            for (; i + Vector256<byte>.Count <= length; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref first, (nuint)i);
                if (Vector256.EqualsAny(v, quotes))
                {
                    return -1;
                }

                var mask = Vector256.Equals(v, commas).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var comma = i + BitOperations.TrailingZeroCount(mask);
                    Keep(n++, offset + fieldStart, comma - fieldStart);
                    fieldStart = comma + 1;
                    mask &= mask - 1;
                }
            }
        }

        for (; i < length; i++)
        {
            var b = line[i];
            if (b == (byte)',')
            {
                Keep(n++, offset + fieldStart, i - fieldStart);
                fieldStart = i + 1;
            }
            else if (b == (byte)'"')
            {
                return -1;
            }
        }

        Keep(n++, offset + fieldStart, length - fieldStart);
        return n;
    }

    private void Keep(int field, int start, int length)
    {
        if (field < columnCount)
        {
            starts[field] = start;
            lengths[field] = length;
        }
    }

    /// <summary>A line with quotes: RFC 4180 fields; false when a quoted field does not end on this line or the count is not the header's.</summary>
    public bool SplitQuoted(ReadOnlySpan<byte> line)
    {
        var values = new List<byte[]>();
        var field = new List<byte>();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (inQuotes)
            {
                if (b == (byte)'"')
                {
                    if (i + 1 < line.Length && line[i + 1] == (byte)'"')
                    {
                        field.Add(b);
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Add(b);
                }
            }
            else if (b == (byte)'"')
            {
                inQuotes = true;
            }
            else if (b == (byte)',')
            {
                values.Add([.. field]);
                field.Clear();
            }
            else
            {
                field.Add(b);
            }
        }

        if (inQuotes)
        {
            return false;
        }

        values.Add([.. field]);
        if (values.Count != columnCount)
        {
            return false; // let the reader give its message for this line
        }

        for (var c = 0; c < columnCount; c++)
        {
            quotedFields[c] = values[c];
        }

        quoted = true;
        return true;
    }
}
