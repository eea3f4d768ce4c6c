using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests;
using Alerts.Deliver.Tests.Email;

namespace Alerts.Deliver.Tests.Teams;

public sealed class TeamsOptionsValidatorTests
{
    [Theory]
    // defaults are valid
    [InlineData("", 30, 30, null)]
    // wildcard and exact hosts
    [InlineData("*.logic.azure.com,hooks.example.com", 30, 30, null)]
    // a URL instead of a host
    [InlineData("https://hooks.example.com/x", 30, 30, "Teams:AllowedHosts:0")]
    // a wildcard in the middle
    [InlineData("*.logic.azure.com,prod-*.logic.azure.com", 30, 30, "Teams:AllowedHosts:1")]
    // bare wildcard
    [InlineData("*", 30, 30, "Teams:AllowedHosts:0")]
    // zero timeout
    [InlineData("", 0, 30, "Teams:Timeout")]
    // default retry too long
    [InlineData("", 30, 7200, "Teams:DefaultRetryAfter")]
    public void Validate_Settings_NamesTheBadOne(string hosts, int timeoutSeconds, int retryAfterSeconds, string? expected)
    {
        var options = new TeamsOptions { Timeout = TimeSpan.FromSeconds(timeoutSeconds), DefaultRetryAfter = TimeSpan.FromSeconds(retryAfterSeconds) };
        foreach (var h in hosts.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            options.AllowedHosts.Add(h);
        }

        var result = new TeamsOptionsValidator().Validate(null, options);

        if (expected is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.StartsWith(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Production", true, false)] // loopback webhooks refused in production
    [InlineData("Production", false, true)] // the normal production setting
    [InlineData("Staging", true, false)] // any environment but Development refuses it
    [InlineData("Test", true, false)]
    [InlineData("Staging", false, true)]
    [InlineData("Development", true, true)] // func start locally
    [InlineData(null, true, true)] // no host (demo, tests): the local stack needs loopback
    public void Validate_InsecureLoopbackByEnvironment_AcceptedOnlyInDevelopment(string? environment, bool allowLoopback, bool valid)
    {
        var host = environment is null ? null : new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };

        var result = new TeamsOptionsValidator(host).Validate(null, new TeamsOptions { AllowInsecureLoopback = allowLoopback });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Teams:AllowInsecureLoopback", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains($"'{environment}'", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
