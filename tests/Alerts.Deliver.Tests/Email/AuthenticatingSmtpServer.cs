using System.Net;
using Alerts.Deliver.Tests;
using Alerts.Deliver.Tests.Teams;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;

namespace Alerts.Deliver.Tests.Email;

/// <summary>
/// A real SMTP server on 127.0.0.1 that offers AUTH (the DevStack sink does not), for the tests of the
/// notifier's authentication path. Accepts one user name and password.
/// </summary>
internal sealed class AuthenticatingSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _running;

    private AuthenticatingSmtpServer(SmtpServer.SmtpServer server, CancellationTokenSource stopping, Task running, int port)
    {
        _server = server;
        _stopping = stopping;
        _running = running;
        Port = port;
    }

    public int Port { get; }

    public static async Task<AuthenticatingSmtpServer> StartAsync(string user, string password)
    {
        var listeners = new EndpointListenerFactory();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("auth-test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new DelegatingUserAuthenticator((u, p) => u == user && p == password));
        var server = new SmtpServer.SmtpServer(options, services);
        var stopping = new CancellationTokenSource();
        var running = server.StartAsync(stopping.Token);
        var port = await bound.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return new AuthenticatingSmtpServer(server, stopping, running, port);
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // How StartAsync ends when its token is cancelled.
        }

        _stopping.Dispose();
    }
}
