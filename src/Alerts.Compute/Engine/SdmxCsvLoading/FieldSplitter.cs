namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>Splits a CSV line into fields in place (positions into one reusable copy of the line); quoted lines field by field.</summary>
internal sealed class FieldSplitter(int columnCount)
{
    private readonly byte[][] fields = new byte[columnCount][];
    private readonly int[] starts = new int[columnCount];
    private readonly int[] lengths = new int[columnCount];

    /// <summary>Field <paramref name="column"/> of the last line split, without surrounding spaces.</summary>
    public ReadOnlySpan<byte> Field(int column)
    {
        var f = fields[column];
        var s = f.AsSpan(starts[column], lengths[column]);
        return s.Trim((byte)' ');
    }

    private byte[] current = [];

    /// <summary>A line without quotes: fields between commas; the number of fields found (all kept when it is the header's).</summary>
    public int Split(ReadOnlySpan<byte> line)
    {
        // Fields are kept as (start, length) into a copy of the line in a reusable buffer.
        if (current.Length < line.Length)
        {
            current = new byte[Math.Max(line.Length, current.Length * 2)];
        }

        line.CopyTo(current);
        var n = 0;
        var start = 0;
        while (true)
        {
            var comma = line[start..].IndexOf((byte)',');
            var length = comma < 0 ? line.Length - start : comma;
            if (n < columnCount)
            {
                fields[n] = current;
                starts[n] = start;
                lengths[n] = length;
            }

            n++;
            if (comma < 0)
            {
                break;
            }

            start += comma + 1;
        }

        return n;
    }

    /// <summary>A line with quotes: RFC 4180 fields; false when a quoted field does not end on this line or the count is not the header's.</summary>
    public bool SplitQuoted(ReadOnlySpan<byte> line)
    {
        var values = new List<byte[]>();
        var field = new List<byte>();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (quoted)
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
                        quoted = false;
                    }
                }
                else
                {
                    field.Add(b);
                }
            }
            else if (b == (byte)'"')
            {
                quoted = true;
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

        if (quoted)
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
            fields[c] = values[c];
            starts[c] = 0;
            lengths[c] = values[c].Length;
        }

        return true;
    }
}
