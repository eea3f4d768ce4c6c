namespace Alerts.DevStack.Azurite;

/// <summary>An exclusive lock on a file, held across processes while one of them installs Azurite.</summary>
internal sealed class InstallLock : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private readonly FileStream _stream;

    private InstallLock(FileStream stream) => _stream = stream;

    /// <summary>Waits (polling) until no other process holds the lock; the token bounds the wait.</summary>
    public static async Task<InstallLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock on Unix and a share lock on Windows.
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new InstallLock(stream);
            }
            catch (IOException)
            {
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
