using System.Net;
using System.Net.Sockets;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Teams;

/// <summary>
/// Classifies IP addresses for outbound webhook calls, so a subscription cannot make the service call into
/// its own network (SSRF).
/// </summary>
public static class NetworkAddresses
{
    /// <summary>
    /// True for globally routable unicast addresses; false for private, loopback, link-local, unique-local,
    /// unspecified, shared (CGNAT), documentation, benchmark, multicast and reserved ranges, IPv4 and IPv6,
    /// including IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4).
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && TryGetEmbeddedIPv4(address, out var v4))
        {
            return IsPublicIPv4(v4);
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicIPv4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicIPv6(address.GetAddressBytes()),
            _ => false,
        };
    }

    /// <summary>127.0.0.0/8 and ::1, also when written as an IPv4-mapped IPv6 address.</summary>
    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    private static bool IsPublicIPv4(byte[] b) => !(
        b[0] == 0                                        // "this network", incl. 0.0.0.0
        || b[0] == 10                                    // private
        || (b[0] == 100 && (b[1] & 0xC0) == 64)          // 100.64.0.0/10 shared address space
        || b[0] == 127                                   // loopback
        || (b[0] == 169 && b[1] == 254)                  // link-local (and cloud metadata endpoints)
        || (b[0] == 172 && (b[1] & 0xF0) == 16)          // private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
        || (b[0] == 192 && b[1] == 0 && b[2] == 2)       // documentation
        || (b[0] == 192 && b[1] == 168)                  // private
        || (b[0] == 198 && (b[1] & 0xFE) == 18)          // benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)    // documentation
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)     // documentation
        || b[0] >= 224);                                 // multicast, reserved, broadcast

    private static bool IsPublicIPv6(byte[] b)
    {
        var allZeroButLast = b.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0;
        if (allZeroButLast && b[15] <= 1)
        {
            return false; // :: and ::1
        }

        return !(
            (b[0] & 0xFE) == 0xFC                                   // fc00::/7 unique-local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)              // fe80::/10 link-local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)              // fec0::/10 site-local (deprecated)
            || b[0] == 0xFF                                         // multicast
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // 2001:db8::/32 documentation
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) // 2001::/32 Teredo tunnels
            || (b[0] & 0xE0) != 0x20);                              // outside 2000::/3 global unicast
    }

    private static bool TryGetEmbeddedIPv4(IPAddress address, out byte[] v4)
    {
        var b = address.GetAddressBytes();
        v4 = [];
        if (address.IsIPv4MappedToIPv6)
        {
            v4 = b[12..16];
            return true;
        }

        var firstTwelveZero = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        if (firstTwelveZero && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1))
        {
            v4 = b[12..16]; // IPv4-compatible ::a.b.c.d (deprecated)
            return true;
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            v4 = b[12..16]; // 64:ff9b::/96 NAT64
            return true;
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            v4 = b[2..6]; // 2002::/16 6to4
            return true;
        }

        return false;
    }
}
