using Alerts.Compute;
using Alerts.Deliver;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Tests.Email;
using Alerts.Deliver.Tests.Teams;
using Alerts.Evaluate;
using Alerts.Functions;
using Alerts.Platform;
using Alerts.Pull;
using Alerts.Route;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Tests;

public sealed class DeliveryOptionsValidatorTests
{
    [Theory]
    [InlineData(3, true)] // the default
    [InlineData(1, true)] // pause on the first permanent failure
    [InlineData(0, false)] // would pause before any failure
    [InlineData(-2, false)] // negative
    public void Validate_PauseAfterPermanentFailures_AtLeastOne(int value, bool valid)
    {
        var result = new DeliveryOptionsValidator().Validate(null, new DeliveryOptions { PauseAfterPermanentFailures = value });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.StartsWith("Delivery:PauseAfterPermanentFailures must be at least 1", Assert.Single(result.Failures!), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddAlerts_PauseAfterZeroInSettings_OptionsFailNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Delivery:PauseAfterPermanentFailures"] = "0" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddAlerts(configuration).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeliveryOptions>>().Value);

        Assert.Contains("Delivery:PauseAfterPermanentFailures must be at least 1 (it is 0)", e.Message, StringComparison.Ordinal);
    }
}
