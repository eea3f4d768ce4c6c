using System.Buffers;
using System.Net;
using Alerts.Soak.Faults;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace Alerts.Soak.Sinks;

/// <summary>
/// An SMTP server on 127.0.0.1 (a real SMTP conversation with the worker's MailKit client) that answers by the seeded
/// dice: 421 or 451 (transient) instead of accepting a message, and 550 to the designated <c>bounce-*</c> recipients
/// (the expected permanent failures). An accepted mail counts by its <c>X-Alerts-Notification-Id</c> header.
/// </summary>
public sealed class SmtpFaultSink : IAsyncDisposable
{
    public const string BouncePrefix = "bounce-";

    private readonly SmtpServerHost server;
    private readonly CancellationTokenSource stopping;
    private readonly Task running;

    private SmtpFaultSink(SmtpServerHost server, CancellationTokenSource stopping, Task running, int port, Receipts receipts)
    {
        this.server = server;
        this.stopping = stopping;
        this.running = running;
        Port = port;
        Receipts = receipts;
    }

    public int Port { get; }

    public Receipts Receipts { get; }

    public static async Task<SmtpFaultSink> StartAsync(FaultDice dice, double faultRate, CancellationToken cancellationToken)
    {
        var receipts = new Receipts();
        var listeners = new EndpointListenerFactory();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("alerts-soak")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(dice, faultRate, receipts));
        var server = new SmtpServerHost(options, services);
        var stopping = new CancellationTokenSource();
        var running = server.StartAsync(stopping.Token);
        var port = await bound.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return new SmtpFaultSink(server, stopping, running, port, receipts);
    }

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await stopping.CancelAsync();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }

        stopping.Dispose();
    }

    private sealed class Store(FaultDice dice, double faultRate, Receipts receipts) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (transaction.To.Any(m => m.User.StartsWith(BouncePrefix, StringComparison.Ordinal)))
            {
                receipts.Refused();
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "Requested action not taken: mailbox unavailable (soak)");
            }

            var x = dice.Next();
            if (x < faultRate)
            {
                receipts.Fault();
                return x < faultRate / 2
                    ? new SmtpResponse((SmtpReplyCode)421, "Service not available, closing transmission channel (soak)")
                    : new SmtpResponse(SmtpReplyCode.Aborted, "Requested action aborted: local error in processing (soak)");
            }

            using var stream = new MemoryStream(buffer.ToArray(), writable: false);
            var headers = await HeaderList.LoadAsync(stream, cancellationToken);
            receipts.Arrived(headers["X-Alerts-Notification-Id"]?.Trim(), headers.ToString());
            return SmtpResponse.Ok;
        }
    }
}
