using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Alerts.Soak.Faults;

/// <summary>
/// A TCP relay on 127.0.0.1 between the worker and the loopback Service Bus: <see cref="DropAll"/> resets every
/// connection at once, as a broker restart or a network blip would; the worker's Service Bus client must reconnect.
/// </summary>
public sealed class DroppingProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly int target;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Socket, Socket> pairs = new();
    private readonly Task accepting;
    private int drops;
    private volatile bool refusing;

    public DroppingProxy(int targetPort)
    {
        target = targetPort;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Connection drops made so far.</summary>
    public int Drops => Volatile.Read(ref drops);

    /// <summary>While on, new connections are reset as soon as they are accepted (the broker is unreachable).</summary>
    public void Refuse(bool on) => refusing = on;

    /// <summary>Resets every relayed connection (RST, not a graceful close).</summary>
    public int DropAll()
    {
        var n = 0;
        foreach (var (client, upstream) in pairs)
        {
            if (pairs.TryRemove(client, out _))
            {
                Reset(client);
                Reset(upstream);
                n++;
            }
        }

        Interlocked.Increment(ref drops);
        return n;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        DropAll();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptSocketAsync(stopping.Token);
            if (refusing)
            {
                Reset(client);
                continue;
            }

            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, target), stopping.Token);
            }
            catch (SocketException)
            {
                Reset(client);
                upstream.Dispose();
                continue;
            }

            client.NoDelay = true;
            pairs[client] = upstream;
            _ = Task.Run(() => PumpPairAsync(client, upstream));
        }
    }

    private async Task PumpPairAsync(Socket client, Socket upstream)
    {
        await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client));
        if (pairs.TryRemove(client, out _))
        {
            Reset(client);
            Reset(upstream);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping.Token);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stopping.Token);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
