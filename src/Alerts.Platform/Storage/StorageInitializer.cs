using Microsoft.Extensions.Hosting;

namespace Alerts.Platform.Storage;

/// <summary>Creates the app's tables and containers when the host starts (idempotent).</summary>
public sealed class StorageInitializer(StorageAccount account) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => account.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
