using Alerts.Pull.Sources;
using Alerts.Pull.Sources.Comext;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Tests.Sources;

public sealed class TradeStatisticsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTradeStatistics_Defaults_PointAtTheRealSources()
    {
        using var sp = new ServiceCollection().AddLogging().AddTradeStatistics(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Equal("https://ec.europa.eu/eurostat/api/comext/dissemination", sp.GetRequiredService<IOptions<ComextClientOptions>>().Value.BaseUrl.ToString().TrimEnd('/'));
        Assert.Equal(500, sp.GetRequiredService<IOptions<Alerts.Pull.Sources.Comtrade.ComtradeClientOptions>>().Value.DailyCallBudget);
    }

    [Theory]
    [InlineData("Sources:Comext:BaseUrl", "ftp://example.org", "Sources:Comext:BaseUrl must be an absolute http(s) URL")] // wrong scheme
    [InlineData("Sources:Comtrade:DailyCallBudget", "0", "Sources:Comtrade:DailyCallBudget must be positive")] // no calls at all
    [InlineData("Sources:Comext:Resilience:MaxConcurrency", "0", "Sources:Comext:Resilience")] // nothing could run
    public void AddTradeStatistics_BadSetting_FailsNamingIt(string key, string value, string message)
    {
        using var sp = SourceTestServices.Build(new Uri("http://127.0.0.1:9/"), new Dictionary<string, string?> { [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = sp.GetRequiredService<IOptions<ComextClientOptions>>().Value;
            _ = sp.GetRequiredService<IOptions<Alerts.Pull.Sources.Comtrade.ComtradeClientOptions>>().Value;
        });

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
