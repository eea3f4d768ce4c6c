namespace Alerts.Platform.Storage;

/// <summary>
/// A conditional write lost a race (the row or blob changed since it was read, or already exists): another
/// run wrote first. Re-read and re-apply, or report.
/// </summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
