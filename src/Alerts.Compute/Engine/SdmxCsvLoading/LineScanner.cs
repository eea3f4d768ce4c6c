namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>Lines of a stream, without the line end (LF or CRLF), from a large reusable buffer.</summary>
internal sealed class LineScanner(Stream stream)
{
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private bool eof;

    public bool AtEnd => eof && start >= end;

    public bool Next(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line = Trim(buffer.AsSpan(start, nl));
                start += nl + 1;
                return true;
            }

            if (eof)
            {
                if (start < end)
                {
                    line = Trim(buffer.AsSpan(start, end - start));
                    start = end;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    private static ReadOnlySpan<byte> Trim(Span<byte> line) => line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

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

        var n = stream.Read(buffer, end, buffer.Length - end);
        if (n == 0)
        {
            eof = true;
        }

        end += n;
    }
}
