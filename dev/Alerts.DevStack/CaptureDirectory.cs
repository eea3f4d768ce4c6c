using System.Globalization;

namespace Alerts.DevStack;

/// <summary>Writes captured items (mail, webhook posts) to a folder, each file complete or absent.</summary>
internal sealed class CaptureDirectory
{
    private readonly string _path;
    private int _sequence;

    public CaptureDirectory(string path)
    {
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(_path);
    }

    /// <summary>Writes one file named after the time and a sequence number; returns its path.</summary>
    public async Task<string> WriteAsync(string prefix, string extension, DateTimeOffset receivedAt, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{receivedAt:yyyyMMdd'T'HHmmssfff}-{sequence:D5}{extension}");
        var final = Path.Combine(_path, name);
        var temporary = final + ".partial";

        // Write then rename, so a reader watching the folder never sees half a file.
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, final, overwrite: true);
        return final;
    }
}
