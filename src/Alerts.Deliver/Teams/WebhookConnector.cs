using System.Net;
using System.Net.Sockets;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Teams;

/// <summary>
/// Connects webhook requests only to addresses the policy allows. Resolving and connecting in one place
/// (the handler's connect callback) checks the address actually used, so DNS rebinding between a check
/// and the connection cannot reach a private network.
/// </summary>
public sealed class WebhookConnector
{
    private readonly WebhookUrlPolicy _policy;

    public WebhookConnector(WebhookUrlPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <summary>A handler for webhook calls: no redirects (a redirect could point anywhere), no proxy, guarded connects.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = ConnectAsync,
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);

        // Every address must pass: a name that resolves to one public and one private address is hostile.
        var rejected = addresses.FirstOrDefault(a => !_policy.IsAllowedAddress(a));
        if (addresses.Length == 0 || rejected is not null)
        {
            throw new WebhookAddressRejectedException(addresses.Length == 0
                ? $"the webhook host '{host}' did not resolve to any address"
                : $"the webhook host '{host}' resolves to a private, loopback, link-local or otherwise non-public address");
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
