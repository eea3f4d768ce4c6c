using Alerts.LocalServiceBus.Broker;

namespace Alerts.LocalServiceBus.Tests.Broker;

public sealed class BrokerMessageTests
{
    private static readonly BrokerMessage Sample = new()
    {
        MessageId = "id",
        Subject = "subject",
        ContentType = "application/json",
        ApplicationProperties = new Dictionary<string, object?> { ["Channel"] = "email" },
    };

    [Theory]
    // exact name
    [InlineData("MessageId", "id")]
    // names are case-insensitive
    [InlineData("messageid", "id")]
    // the SQL language calls Subject Label
    [InlineData("Label", "subject")]
    [InlineData("ContentType", "application/json")]
    public void TryGetSystemProperty_SetProperty_ReturnsIt(string name, string expected)
    {
        Assert.True(Sample.TryGetSystemProperty(name, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    // not set on the message: unknown, not null-valued
    [InlineData("CorrelationId")]
    // not a system property
    [InlineData("Channel")]
    public void TryGetSystemProperty_Missing_ReturnsFalse(string name) => Assert.False(Sample.TryGetSystemProperty(name, out _));

    [Fact]
    public void TryGetApplicationProperty_OtherCase_FindsIt()
    {
        Assert.True(Sample.TryGetApplicationProperty("channel", out var value));
        Assert.Equal("email", value);
        Assert.False(Sample.TryGetApplicationProperty("missing", out _));
    }

    [Fact]
    public void WithApplicationProperties_Changes_CopiesWithoutTouchingTheOriginal()
    {
        var changed = Sample.WithApplicationProperties([new("Channel", "teams")]);

        Assert.Equal("teams", changed.ApplicationProperties["Channel"]);
        Assert.Equal("email", Sample.ApplicationProperties["Channel"]);
        Assert.Equal("id", changed.MessageId);
    }
}
