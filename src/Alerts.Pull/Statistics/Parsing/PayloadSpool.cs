namespace Alerts.Pull.Statistics.Parsing;

/// <summary>
/// A copy of a non-seekable payload kept for a second pass: in memory up to a threshold, then in a temporary
/// file opened with <see cref="FileOptions.DeleteOnClose"/>, so memory never holds a large payload and the file
/// disappears when the read ends (even when it fails). The caller bounds the size (the payload size limit).
/// </summary>
internal sealed class PayloadSpool(int memoryBytes, string? directory) : IDisposable
{
    private Stream? _store = new MemoryStream();
    private bool _stopped;

    /// <summary>Path of the temporary file, once the payload outgrew memory.</summary>
    public string? FilePath { get; private set; }

    public long Length => _store?.Length ?? 0;

    /// <summary>Appends bytes just read from the payload.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_stopped || bytes.IsEmpty)
        {
            return;
        }

        if (_store is MemoryStream memory && memory.Length + bytes.Length > memoryBytes)
        {
            FilePath = Path.Combine(directory ?? Path.GetTempPath(), $"alerts-jsonstat-{Guid.NewGuid():N}.spool");
            var file = new FileStream(FilePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
            memory.Position = 0;
            memory.CopyTo(file);
            memory.Dispose();
            _store = file;
        }

        _store!.Write(bytes);
    }

    /// <summary>Drops what was kept and keeps nothing more: the reader found it needs no second pass.</summary>
    public void Stop()
    {
        _stopped = true;
        _store?.Dispose();
        _store = null;
    }

    /// <summary>The kept bytes positioned at <paramref name="offset"/>; owned by the spool (do not dispose).</summary>
    public Stream ReadFrom(long offset)
    {
        var store = _store ?? throw new InvalidOperationException("the spool was stopped");
        store.Flush();
        store.Position = offset;
        return store;
    }

    public void Dispose()
    {
        _store?.Dispose();
        _store = null;
    }
}
