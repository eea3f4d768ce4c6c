using System.Net;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Email;
using Alerts.Deliver.Tests.Endpoints;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Tests.Teams;

public sealed class NetworkAddressesTests
{
    [Theory]
    // public IPv4
    [InlineData("8.8.8.8", true)]
    [InlineData("20.50.2.1", true)]
    // private ranges
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.10.1", false)]
    // just outside 172.16/12
    [InlineData("172.32.0.1", true)]
    // loopback
    [InlineData("127.0.0.1", false)]
    [InlineData("127.255.0.9", false)]
    // link-local and metadata endpoint
    [InlineData("169.254.169.254", false)]
    // unspecified and "this network"
    [InlineData("0.0.0.0", false)]
    [InlineData("0.1.2.3", false)]
    // shared address space (CGNAT)
    [InlineData("100.64.0.1", false)]
    [InlineData("100.128.0.1", true)]
    // documentation and benchmarking
    [InlineData("192.0.2.1", false)]
    [InlineData("198.18.0.1", false)]
    // multicast and broadcast
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    // public IPv6
    [InlineData("2606:4700::1111", true)]
    // IPv6 loopback and unspecified
    [InlineData("::1", false)]
    [InlineData("::", false)]
    // link-local, unique-local, site-local, multicast
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("ff02::1", false)]
    // documentation
    [InlineData("2001:db8::1", false)]
    // IPv4-mapped: private and public
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    // NAT64 and 6to4 carrying a private IPv4
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2002:c0a8:0101::1", false)]
    // 6to4 carrying a public IPv4
    [InlineData("2002:0808:0808::1", true)]
    public void IsPublic_Address_AsExpected(string address, bool expected)
    {
        Assert.Equal(expected, NetworkAddresses.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    // IPv4 loopback
    [InlineData("127.0.0.1", true)]
    // IPv6 loopback
    [InlineData("::1", true)]
    // mapped loopback
    [InlineData("::ffff:127.0.0.1", true)]
    // not loopback
    [InlineData("10.0.0.1", false)]
    public void IsLoopback_Address_AsExpected(string address, bool expected)
    {
        Assert.Equal(expected, NetworkAddresses.IsLoopback(IPAddress.Parse(address)));
    }
}
