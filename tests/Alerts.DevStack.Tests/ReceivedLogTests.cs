using Alerts.DevStack;

namespace Alerts.DevStack.Tests;

public sealed class ReceivedLogTests
{
    [Fact]
    public async Task WaitForCountAsync_TooFewArrive_ThrowsTimeoutSayingHowMany()
    {
        var log = new ReceivedLog<string>();
        log.Add("one");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => log.WaitForCountAsync(2, TimeSpan.FromMilliseconds(100)));

        Assert.Contains("received 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForCountAsync_ArrivesLater_CompletesWithAll()
    {
        var log = new ReceivedLog<string>();
        var waiting = log.WaitForCountAsync(2, TimeSpan.FromSeconds(5));

        log.Add("one");
        log.Add("two");

        Assert.Equal(["one", "two"], await waiting);
    }
}
