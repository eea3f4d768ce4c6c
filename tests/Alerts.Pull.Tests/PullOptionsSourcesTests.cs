using Alerts.Pull.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Tests;

/// <summary>Setting <c>Pull:Sources</c>: known sources, comma-separated, each once, checked at start.</summary>
public sealed class PullOptionsSourcesTests
{
    [Theory]
    // unset: Pull:Source alone
    [InlineData(null, "comext", null)]
    [InlineData(null, "comtrade", null)]
    [InlineData(null, "eurostat", "Setting Pull:Source is 'eurostat'; expected comext or comtrade.")]
    // both, in either order, any case, spaces allowed
    [InlineData("comext,comtrade", "comext", null)]
    [InlineData(" Comtrade , comext ", "comext", null)]
    // a blank setting is unset
    [InlineData("  ", "comext", null)]
    [InlineData("comext,baci", "comext", "Setting Pull:Sources is 'comext,baci': entry 2 is 'baci'; expected comext or comtrade.")]
    [InlineData("comext,,comtrade", "comext", "Setting Pull:Sources is 'comext,,comtrade': entry 2 is empty; expected source names separated by commas, e.g. comext,comtrade.")]
    [InlineData("comext,COMEXT", "comext", "Setting Pull:Sources is 'comext,COMEXT': entry 2 repeats 'COMEXT'.")]
    public void Validate_Sources_FailsNamingTheEntry(string? sources, string source, string? message)
    {
        var options = new PullOptions { Sources = sources, Source = source };

        var result = new PullOptionsValidator(Options.Create(new CatalogOptions())).Validate(null, options);

        Assert.Equal(message, result.Failed ? result.FailureMessage : null);
    }

    [Fact]
    public void EffectiveSources_ListedOrTheSingleSource()
    {
        Assert.Equal(["comext"], new PullOptions().EffectiveSources);
        Assert.Equal(["comtrade"], new PullOptions { Source = "Comtrade" }.EffectiveSources);
        Assert.Equal(["comtrade", "comext"], new PullOptions { Sources = "comtrade, COMEXT" }.EffectiveSources);
        Assert.True(new PullOptions { Sources = "comtrade,comext" }.PullsBothSources);
        Assert.False(new PullOptions { Sources = "comtrade" }.PullsBothSources);
    }

    [Fact]
    public void Start_BadSourcesSetting_StopsNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pull:Sources"] = "comext;comtrade" }).Build();
        using var services = new ServiceCollection().AddPull(configuration).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PullOptions>>().Value);

        Assert.Contains("Setting Pull:Sources is 'comext;comtrade': entry 1 is 'comext;comtrade'; expected comext or comtrade.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_CommaSeparatedSetting_BothSources()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pull:Sources"] = "comext,comtrade" }).Build();
        using var services = new ServiceCollection().AddPull(configuration).BuildServiceProvider();

        Assert.Equal(["comext", "comtrade"], services.GetRequiredService<IOptions<PullOptions>>().Value.EffectiveSources);
    }
}
