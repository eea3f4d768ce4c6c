namespace Alerts.Pull.Statistics.Parsing;

/// <summary>A read-only view of a stream that fails once more than a limit has been read, so a huge body is an error, not memory growth.</summary>
internal sealed class SizeLimitedStream(Stream inner, long maxBytes, Func<long, Exception> onExceeded) : ReadOnlyForwardStream
{
    private long _read;

    public long BytesRead => _read;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Count(n);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(n);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Count(int n)
    {
        _read += n;
        if (_read > maxBytes)
        {
            throw onExceeded(maxBytes);
        }
    }
}
