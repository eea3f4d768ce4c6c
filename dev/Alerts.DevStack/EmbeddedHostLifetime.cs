using Microsoft.Extensions.Hosting;

namespace Alerts.DevStack;

/// <summary>
/// Host lifetime for servers embedded in another program: unlike the default console lifetime it does not
/// take over Ctrl+C/SIGTERM, which belong to the program (the CLI, the test runner) that owns the stack.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
