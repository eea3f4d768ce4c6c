using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmtpServer;
using SmtpServer.Net;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace Alerts.DevStack.Smtp;

/// <summary>
/// An SMTP server on 127.0.0.1 that accepts every message (a real SMTP conversation), keeps it in memory
/// and optionally writes it to a capture folder. It can be told to refuse the next messages.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly SmtpServerHost _server;
    private readonly SinkMessageStore _store;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _running;
    private int _disposed;

    private SmtpSink(SmtpServerHost server, SinkMessageStore store, CancellationTokenSource stopping, Task running, int port, ReceivedLog<ReceivedMail> messages)
    {
        _server = server;
        _store = store;
        _stopping = stopping;
        _running = running;
        Port = port;
        Messages = messages;
    }

    /// <summary>Always 127.0.0.1.</summary>
    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Messages accepted so far; tests wait on it with <see cref="ReceivedLog{T}.WaitForCountAsync"/>.</summary>
    public ReceivedLog<ReceivedMail> Messages { get; }

    /// <summary>Starts listening and returns once the port accepts connections.</summary>
    public static async Task<SmtpSink> StartAsync(SmtpSinkOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SmtpSinkOptions();
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SmtpSink>();
        var messages = new ReceivedLog<ReceivedMail>();
        var capture = options.CaptureDirectory is null ? null : new CaptureDirectory(options.CaptureDirectory);
        var store = new SinkMessageStore(messages, capture, options.TimeProvider, logger);

        var listeners = new EndpointListenerFactory();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("alerts-devstack")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, options.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(store);

        var server = new SmtpServerHost(serverOptions, services);
        var stopping = new CancellationTokenSource();
        var running = server.StartAsync(stopping.Token);
        try
        {
            // StartAsync runs until shutdown; it faults early if the port cannot be bound.
            var first = await Task.WhenAny(bound.Task, running).WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
            if (first == running)
            {
                await running.ConfigureAwait(false);
                throw new InvalidOperationException("The SMTP sink stopped before it started listening.");
            }
        }
        catch
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }

        var port = await bound.Task.ConfigureAwait(false);
        logger.LogInformation("SMTP sink listening on 127.0.0.1:{Port}", port);
        return new SmtpSink(server, store, stopping, running, port, messages);
    }

    /// <summary>Answers the next <paramref name="count"/> messages with <paramref name="failure"/> instead of accepting them.</summary>
    public void FailNext(int count, SmtpFailure failure)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _store.Enqueue(failure, count);
    }

    /// <summary>Forgets received messages and pending failures (for tests sharing one sink).</summary>
    public void Reset()
    {
        _store.ClearFailures();
        Messages.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _server.Shutdown();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.WaitAsync(StopTimeout).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The normal way StartAsync ends when its token is cancelled.
        }
        catch (TimeoutException)
        {
            // A client holding a session open must not block shutdown; the listener is closed already.
        }

        _stopping.Dispose();
    }
}
