using Alerts.LocalServiceBus.Filters;

namespace Alerts.LocalServiceBus.Tests.Filters;

public sealed class MessageFilterTests
{
    [Fact]
    public void True_AnyMessage_Matches()
    {
        Assert.True(MessageFilter.True.Matches(DictionaryMessage.Sample));
        Assert.True(MessageFilter.True.Matches(new DictionaryMessage()));
    }

    [Fact]
    public void False_AnyMessage_DoesNotMatch()
    {
        Assert.False(MessageFilter.False.Matches(DictionaryMessage.Sample));
        Assert.False(MessageFilter.False.Matches(new DictionaryMessage()));
    }
}
