using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Endpoints;
using Alerts.Deliver.Tests.Teams;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Tests.Email;

public sealed class EmailAddressesTests
{
    [Theory]
    // plain
    [InlineData("ops@example.com", true)]
    // plus tag and dots
    [InlineData("supply.risk+magnets@corp.example.eu", true)]
    // sub-domains and hyphens
    [InlineData("a@mail-1.corp.example.com", true)]
    // no at
    [InlineData("ops.example.com", false)]
    // two ats
    [InlineData("a@b@example.com", false)]
    // no dot in domain
    [InlineData("ops@localhost", false)]
    // display name form
    [InlineData("Ops <ops@example.com>", false)]
    // space
    [InlineData("o ps@example.com", false)]
    // leading dot in local part
    [InlineData(".ops@example.com", false)]
    // double dot
    [InlineData("o..ps@example.com", false)]
    // label starting with a hyphen
    [InlineData("ops@-example.com", false)]
    // IP literal domain
    [InlineData("ops@[10.0.0.1]", false)]
    // numeric TLD
    [InlineData("ops@10.0.0.1", false)]
    // line break (header injection)
    [InlineData("ops@example.com\r\nBcc: x@example.com", false)]
    // empty
    [InlineData("", false)]
    public void IsValid_Address_AsExpected(string address, bool expected)
    {
        Assert.Equal(expected, EmailAddresses.IsValid(address));
    }

    [Fact]
    public void IsValid_LocalPartOver64_False()
    {
        Assert.False(EmailAddresses.IsValid(new string('a', 65) + "@example.com"));
        Assert.True(EmailAddresses.IsValid(new string('a', 64) + "@example.com"));
    }
}
