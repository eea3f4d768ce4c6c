using System.Net;
using System.Net.Sockets;
using Alerts.LocalServiceBus.Broker;
using Amqp.Listener;
using Microsoft.Extensions.Logging;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>The AMQP 1.0 listener on 127.0.0.1 (plain TCP, SASL MSSBCBS/ANONYMOUS/PLAIN accepting anyone).</summary>
internal sealed class AmqpHost : IDisposable
{
    private readonly ContainerHost _host;

    private AmqpHost(ContainerHost host, int port)
    {
        _host = host;
        Port = port;
    }

    public int Port { get; }

    public static AmqpHost Start(BrokerNamespace broker, int port, ILogger logger)
    {
        // Port 0: ask the OS for a free port, then bind to it; retried in case another process takes it in between.
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            var host = new ContainerHost(new global::Amqp.Address($"amqp://127.0.0.1:{chosen}"));
            var listener = host.Listeners[0];
            foreach (var mechanism in new[] { "MSSBCBS", "ANONYMOUS", "PLAIN", "EXTERNAL" })
            {
                listener.SASL.EnableMechanism(mechanism, new AcceptingSaslProfile(mechanism));
            }

            listener.HandlerFactory = _ => DeliveryTagHandler.Instance;
            host.RegisterLinkProcessor(new BrokerLinkProcessor(broker, logger));
            try
            {
                host.Open();
                return new AmqpHost(host, chosen);
            }
            catch (SocketException) when (port == 0 && attempt < 5)
            {
                host.Close();
            }
        }
    }

    public void Dispose() => _host.Close();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
