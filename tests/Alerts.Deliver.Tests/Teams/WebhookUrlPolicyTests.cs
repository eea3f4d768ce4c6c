using System.Net;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Email;
using Alerts.Deliver.Tests.Endpoints;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Tests.Teams;

public sealed class WebhookUrlPolicyTests
{
    private static readonly WebhookUrlPolicy Production = WebhookUrlPolicy.Default;
    private static readonly WebhookUrlPolicy Development = new(WebhookUrlPolicy.DefaultAllowedHosts, allowInsecureLoopback: true);

    [Theory]
    // classic Workflows URL with explicit :443
    [InlineData("https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x", true)]
    // new Power Platform environment host
    [InlineData("https://default1234.ab.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?sig=x", true)]
    // legacy connector host
    [InlineData("https://contoso.webhook.office.com/webhookb2/abc", true)]
    // host case and trailing dot do not matter
    [InlineData("https://PROD-1.westeurope.LOGIC.azure.com./workflows/x", true)]
    // plain http
    [InlineData("http://prod-12.westeurope.logic.azure.com/workflows/x", false)]
    // apex of a wildcard is not covered
    [InlineData("https://logic.azure.com/workflows/x", false)]
    // look-alike suffix
    [InlineData("https://prod-1.logic.azure.com.evil.example/workflows/x", false)]
    // look-alike without the dot
    [InlineData("https://evillogic.azure.com/workflows/x", false)]
    // other port
    [InlineData("https://prod-1.westeurope.logic.azure.com:8443/workflows/x", false)]
    // credentials in the URL
    [InlineData("https://user:pw@prod-1.westeurope.logic.azure.com/workflows/x", false)]
    // not a URL
    [InlineData("prod-1.westeurope.logic.azure.com/workflows/x", false)]
    // other scheme
    [InlineData("ftp://prod-1.westeurope.logic.azure.com/x", false)]
    // empty
    [InlineData("", false)]
    // loopback in production
    [InlineData("http://127.0.0.1:5000/hook", false)]
    // localhost in production, even on https
    [InlineData("https://localhost/hook", false)]
    // private IPv4 literal
    [InlineData("https://10.1.2.3/hook", false)]
    // link-local (cloud metadata)
    [InlineData("https://169.254.169.254/metadata", false)]
    // IPv6 loopback
    [InlineData("https://[::1]/hook", false)]
    // IPv4-mapped private address
    [InlineData("https://[::ffff:192.168.0.1]/hook", false)]
    // unique-local IPv6
    [InlineData("https://[fd00::1]/hook", false)]
    // unspecified
    [InlineData("https://0.0.0.0/hook", false)]
    // public IP literal: still not an allowed host
    [InlineData("https://20.50.2.1/hook", false)]
    public void Check_Production_AsExpected(string url, bool allowed)
    {
        var check = Production.Check(url);

        Assert.Equal(allowed, check.IsAllowed);
        Assert.Equal(allowed, check.Error is null);
    }

    [Theory]
    // the local webhook listener
    [InlineData("http://127.0.0.1:5000/hooks/teams", true)]
    // localhost by name
    [InlineData("http://localhost:5000/hooks/teams", true)]
    // IPv6 loopback
    [InlineData("http://[::1]:5000/hooks/teams", true)]
    // anywhere else in 127/8
    [InlineData("http://127.1.2.3:5000/hooks/teams", true)]
    // a private address is still refused in development
    [InlineData("http://192.168.1.10:5000/hooks/teams", false)]
    // http to a real host is still refused in development
    [InlineData("http://prod-1.westeurope.logic.azure.com/workflows/x", false)]
    public void Check_Development_AllowsOnlyLoopbackExtra(string url, bool allowed)
    {
        Assert.Equal(allowed, Development.Check(url).IsAllowed);
    }

    [Fact]
    public void Check_Rejected_ErrorHasNoPathOrQuery()
    {
        var check = Production.Check("https://hooks.example.com/workflows/SECRETPATH?sig=SECRETSIG");

        Assert.False(check.IsAllowed);
        Assert.Contains("hooks.example.com", check.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExactHostEntry_MatchesOnlyThatHost()
    {
        var policy = new WebhookUrlPolicy(["hooks.example.com"], allowInsecureLoopback: false);

        Assert.True(policy.Check("https://hooks.example.com/x").IsAllowed);
        Assert.False(policy.Check("https://a.hooks.example.com/x").IsAllowed);
    }

    [Theory]
    // public
    [InlineData("20.50.2.1", false, true)]
    // loopback in production
    [InlineData("127.0.0.1", false, false)]
    // loopback in development
    [InlineData("127.0.0.1", true, true)]
    // private stays refused in development
    [InlineData("10.0.0.1", true, false)]
    public void IsAllowedAddress_Mode_AsExpected(string address, bool development, bool expected)
    {
        var policy = development ? Development : Production;

        Assert.Equal(expected, policy.IsAllowedAddress(IPAddress.Parse(address)));
    }
}
