using System.Net;
using System.Net.Sockets;
using Alerts.Platform.Bus;
using Alerts.Route.Notifications;
using Alerts.TestKit.Events;
using Microsoft.Extensions.Logging.Testing;

namespace Alerts.Deliver.Tests.Notifiers;

/// <summary>
/// What every channel's notifier promises, run against the channel's real sink (the SMTP sink, the webhook listener):
/// delivered, transient refusal -> retry with its delay, permanent refusal -> dead-letter, refused before sending when
/// the target is invalid, unreachable or silent server -> retry, cancellation honoured, and the target's secrets never
/// in an outcome or a log. A channel's test class inherits this and supplies its sink and failure injection; its own
/// tests cover only what is particular to the channel (reply codes, URL policy, authentication...).
/// </summary>
public abstract class NotifierContract : IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(45);

    /// <summary>The channel name the notifier serves (<see cref="Channels"/>).</summary>
    protected abstract string Channel { get; }

    /// <summary>A target the notifier refuses before contacting anything.</summary>
    protected abstract string InvalidTarget { get; }

    /// <summary>The Retry-After the scripted transient refusal asks for (null: the channel has none).</summary>
    protected abstract TimeSpan? TransientRetryAfter { get; }

    /// <summary>Words of the detail when nothing listens on the target's port.</summary>
    protected abstract string UnreachableDetail { get; }

    /// <summary>How many attempts reached the sink (a refused SMTP mail is not kept; a refused webhook call is).</summary>
    protected abstract int Received { get; }

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>The notifier aimed at the channel's real sink.</summary>
    protected abstract NotifierUnderTest AtSink();

    /// <summary>The notifier aimed at 127.0.0.1:<paramref name="port"/> with the given timeout.</summary>
    protected abstract NotifierUnderTest At(int port, TimeSpan timeout);

    /// <summary>Makes the sink refuse the next attempt; with <paramref name="echoTarget"/> its answer repeats the target and a secret.</summary>
    protected abstract void FailNext(ScriptedFailure failure, string? echoTarget = null);

    /// <summary>Checks what the sink received for the accepted attempt (content of the mail or card, the outcome's detail).</summary>
    protected abstract Task AssertDeliveredAsync(Notification notification, DeliveryOutcome outcome, int attempts);

    /// <summary>The parts of <paramref name="target"/> (and credentials) that must never be shown.</summary>
    protected abstract IReadOnlyList<string> Secrets(string target);

    /// <summary>How the logs name <paramref name="target"/> instead.</summary>
    protected abstract string Redacted(string target);

    [Fact]
    public void Channel_IsTheOneServed()
    {
        using var sut = AtSink();

        Assert.Equal(Channel, sut.Notifier.Channel);
    }

    [Fact]
    public async Task SendAsync_Accepted_Delivered()
    {
        using var sut = AtSink();
        var notification = TestNotifications.For(Channel, sut.Target);

        var outcome = await sut.Notifier.SendAsync(notification, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal(Settlement.Complete, outcome.ToSettlement());
        await AssertDeliveredAsync(notification, outcome, attempts: 1);
    }

    [Fact]
    public async Task SendAsync_TransientRefusal_RetryWithItsDelay()
    {
        FailNext(ScriptedFailure.Transient);
        using var sut = AtSink();

        var outcome = await sut.Notifier.SendAsync(TestNotifications.For(Channel, sut.Target), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.Equal(TransientRetryAfter, outcome.RetryAfter);
        var settlement = outcome.ToSettlement(Fallback);
        Assert.Equal(SettlementKind.Retry, settlement.Kind);
        Assert.Equal(TransientRetryAfter ?? Fallback, settlement.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_TransientThenAccepted_RetryThenDelivered()
    {
        FailNext(ScriptedFailure.Transient);
        using var sut = AtSink();
        var notification = TestNotifications.For(Channel, sut.Target);

        var first = await sut.Notifier.SendAsync(notification, CancellationToken.None);
        var second = await sut.Notifier.SendAsync(notification, CancellationToken.None);

        Assert.Equal((DeliveryStatus.Retry, DeliveryStatus.Delivered), (first.Status, second.Status));
        await AssertDeliveredAsync(notification, second, attempts: 2);
    }

    [Fact]
    public async Task SendAsync_PermanentRefusal_DeadLetteredWithTheDetail()
    {
        FailNext(ScriptedFailure.Permanent);
        using var sut = AtSink();

        var outcome = await sut.Notifier.SendAsync(TestNotifications.For(Channel, sut.Target), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.Null(outcome.RetryAfter);
        var settlement = outcome.ToSettlement(Fallback);
        Assert.Equal(SettlementKind.DeadLetter, settlement.Kind);
        Assert.Equal("DeliveryFailed", settlement.Reason);
        Assert.Equal(outcome.Detail, settlement.Description);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Detail));
    }

    [Fact]
    public async Task SendAsync_InvalidTarget_PermanentAndNothingSent()
    {
        using var sut = AtSink();

        var outcome = await sut.Notifier.SendAsync(TestNotifications.For(Channel, InvalidTarget), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.Equal(0, Received);
    }

    [Fact]
    public async Task SendAsync_NothingListening_Retry()
    {
        using var sut = At(ClosedPort(), TimeSpan.FromSeconds(10));

        var outcome = await sut.Notifier.SendAsync(TestNotifications.For(Channel, sut.Target), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.Contains(UnreachableDetail, outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServerNeverAnswers_RetryAfterTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accept = silent.AcceptTcpClientAsync();
        using var sut = At(((IPEndPoint)silent.LocalEndpoint).Port, TimeSpan.FromMilliseconds(500));

        var outcome = await sut.Notifier.SendAsync(TestNotifications.For(Channel, sut.Target), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.Contains("timed out", outcome.Detail, StringComparison.Ordinal);
        (await accept).Dispose();
    }

    [Fact]
    public async Task SendAsync_CallerCancels_Throws()
    {
        using var sut = AtSink();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.Notifier.SendAsync(TestNotifications.For(Channel, sut.Target), cancelled.Token));
    }

    [Theory]
    // delivered
    [InlineData("delivered", DeliveryStatus.Delivered)]
    // transient refusal whose text echoes the target and a secret
    [InlineData("transient-echo", DeliveryStatus.Retry)]
    // permanent refusal whose text echoes the target and a secret
    [InlineData("permanent-echo", DeliveryStatus.Permanent)]
    // nothing listening
    [InlineData("unreachable", DeliveryStatus.Retry)]
    public async Task SendAsync_AnyOutcome_SecretsNeverInDetailOrLogs(string scenario, DeliveryStatus status)
    {
        using var sut = scenario == "unreachable" ? At(ClosedPort(), TimeSpan.FromSeconds(10)) : AtSink();
        if (scenario.EndsWith("-echo", StringComparison.Ordinal))
        {
            FailNext(scenario.StartsWith("transient", StringComparison.Ordinal) ? ScriptedFailure.Transient : ScriptedFailure.Permanent, sut.Target);
        }

        var outcome = await sut.Notifier.SendAsync(TestNotifications.For(Channel, sut.Target), CancellationToken.None);

        Assert.Equal(status, outcome.Status);
        AssertNothingSecret(outcome, sut.Logs, sut.Target);
    }

    /// <summary>Neither the outcome nor any log record shows a secret of <paramref name="target"/>; the logs name it redacted.</summary>
    protected void AssertNothingSecret(DeliveryOutcome outcome, FakeLogCollector logs, string target)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(logs);
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        var everything = outcome.Detail + "\n" + string.Join("\n", records.Select(l => l.Message + " " + l.Exception + " " + string.Join(",", l.StructuredState?.Select(s => s.Value) ?? [])));
        foreach (var secret in Secrets(target))
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.Contains(Redacted(target), everything, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on.</summary>
    protected static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
