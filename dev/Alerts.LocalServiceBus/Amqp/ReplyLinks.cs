using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Amqp;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>Each connection's reply links by target address, so a response goes to the link named by the request's reply-to.</summary>
internal sealed class ReplyLinks
{
    private readonly ConditionalWeakTable<Connection, ConcurrentDictionary<string, ReplyEndpoint>> _byConnection = new();

    public void Add(Connection connection, string address, ReplyEndpoint endpoint) =>
        _byConnection.GetOrCreateValue(connection)[address] = endpoint;

    public void Remove(Connection connection, string address, ReplyEndpoint endpoint)
    {
        if (_byConnection.TryGetValue(connection, out var links))
        {
            links.TryRemove(new KeyValuePair<string, ReplyEndpoint>(address, endpoint));
        }
    }

    public bool TryGet(Connection connection, string? address, out ReplyEndpoint endpoint)
    {
        endpoint = null!;
        return address is not null && _byConnection.TryGetValue(connection, out var links) && links.TryGetValue(address, out endpoint!);
    }
}
