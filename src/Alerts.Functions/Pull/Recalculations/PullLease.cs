using Alerts.Platform.Storage;
using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Pull.Recalculations;

/// <summary>
/// One blob lease that every run of the pull's steps holds: the pull timer and the recalculation worker, on any
/// instance. It keeps two runs from working on the same products at once (a run's snapshots, pull state and alert
/// transitions are read-modify-write). The lease is short and renewed while the run goes on, so a crashed instance
/// frees it within a minute.
/// </summary>
public sealed partial class PullLease(StorageAccount account, ILogger<PullLease> logger)
{
    public const string ContainerName = "recalculations";
    private const string BlobName = "leases/pull";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    /// <summary>The lease, held until disposed; null when another run holds it.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string holder, CancellationToken cancellationToken)
    {
        var container = account.Container(ContainerName);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient(BlobName);
        try
        {
            await blob.UploadAsync(BinaryData.FromString(string.Empty), overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // exists already (or is leased right now)
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(Duration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            LogBusy(logger, holder);
            return null;
        }

        return new Held(lease, logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The pull lease is held by another run; {Holder} waits for its next turn")]
    private static partial void LogBusy(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pull lease could not be renewed")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(BlobLeaseClient lease, ILogger logger)
        {
            _lease = lease;
            _renewing = RenewAsync(logger);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // lost already: it expires by itself
            }
        }

        private async Task RenewAsync(ILogger logger)
        {
            using var timer = new PeriodicTimer(RenewEvery);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    try
                    {
                        await _lease.RenewAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
                    }
                    catch (RequestFailedException e)
                    {
                        LogRenewFailed(logger, e);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // released
            }
        }
    }
}
