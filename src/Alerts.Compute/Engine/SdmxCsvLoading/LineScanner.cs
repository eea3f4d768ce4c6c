namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>Lines of a stream, without the line end (LF or CRLF), from a large reusable buffer.</summary>
internal sealed class LineScanner(Stream stream)
{
    private long unread = long.MaxValue; // bytes the scanner may still take from the stream
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private bool eof;

    public bool AtEnd => eof && start >= end;

    /// <summary>Reads no further than <paramref name="bytes"/> more bytes from the stream (a byte range of the file).</summary>
    public void Limit(long bytes) => unread = bytes;

    /// <summary>The buffer the last line is in (<see cref="Next(out int, out int)"/>); valid until the next call.</summary>
    public byte[] Buffer => buffer;

    public bool Next(out ReadOnlySpan<byte> line)
    {
        var found = Next(out var offset, out var length);
        line = found ? buffer.AsSpan(offset, length) : default;
        return found;
    }

    /// <summary>The next line as a range of <see cref="Buffer"/>, without copying it.</summary>
    public bool Next(out int offset, out int length)
    {
        while (true)
        {
            var nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                (offset, length) = (start, Trim(start, nl));
                start += nl + 1;
                return true;
            }

            if (eof)
            {
                if (start < end)
                {
                    (offset, length) = (start, Trim(start, end - start));
                    start = end;
                    return true;
                }

                (offset, length) = (0, 0);
                return false;
            }

            Fill();
        }
    }

    private int Trim(int offset, int length) => length > 0 && buffer[offset + length - 1] == (byte)'\r' ? length - 1 : length;

    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var n = stream.Read(buffer, end, (int)Math.Min(buffer.Length - end, unread));
        unread -= n;
        if (n == 0)
        {
            eof = true;
        }

        end += n;
    }
}
