using Microsoft.Extensions.Logging.Testing;

namespace Alerts.Deliver.Tests.Notifiers;

/// <summary>A channel's real notifier, the target to address it with, and what it logged.</summary>
/// <param name="Owned">Something the notifier needs disposed after the test (the webhook's HttpClient).</param>
public sealed record NotifierUnderTest(INotifier Notifier, string Target, FakeLogCollector Logs, IDisposable? Owned = null) : IDisposable
{
    public void Dispose() => Owned?.Dispose();
}
