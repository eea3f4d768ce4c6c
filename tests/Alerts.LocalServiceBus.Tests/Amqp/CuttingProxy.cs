using System.Net;
using System.Net.Sockets;

namespace Alerts.LocalServiceBus.Tests.Amqp;

/// <summary>
/// A TCP forwarder on 127.0.0.1 that drops the connection once the client has sent more than a number of
/// bytes: a client that disappears in the middle of a transfer, as seen by the broker.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly long _cutAfterBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public CuttingProxy(int targetPort, long cutAfterBytes)
    {
        _targetPort = targetPort;
        _cutAfterBytes = cutAfterBytes;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Completes when a connection has been cut.</summary>
    public TaskCompletionSource Cut { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort);
            var up = PumpAsync(client.GetStream(), server.GetStream(), _cutAfterBytes);
            var down = PumpAsync(server.GetStream(), client.GetStream(), long.MaxValue);
            await Task.WhenAny(up, down);
            client.Client.Close(0);
            server.Client.Close(0);
            Cut.TrySetResult();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, long limit)
    {
        var buffer = new byte[8192];
        long total = 0;
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                var allowed = (int)Math.Min(read, limit - total);
                await to.WriteAsync(buffer.AsMemory(0, allowed), _stop.Token);
                total += allowed;
                if (total >= limit)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }
}
