using Alerts.Pipeline.Delivery;

namespace Alerts.IntegrationTests.Delivery;

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
}
