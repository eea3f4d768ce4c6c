namespace Alerts.Pull.Statistics.Parsing;

/// <summary>A read-only pass-through that copies every byte read into a <see cref="PayloadSpool"/>, so the first pass over a network body also keeps it for the second.</summary>
internal sealed class SpoolingStream(Stream inner, PayloadSpool spool) : ReadOnlyForwardStream
{
    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        spool.Append(buffer[..n]);
        return n;
    }
}
