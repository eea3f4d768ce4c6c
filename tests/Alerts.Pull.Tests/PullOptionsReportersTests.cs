using Alerts.Pull.Catalog;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Tests;

/// <summary>Setting <c>Pull:Reporters</c>: the EU and member states, each once, checked at start.</summary>
public sealed class PullOptionsReportersTests
{
    [Theory]
    // none listed: Pull:Reporter alone
    [InlineData("", null)]
    // the EU beside member states
    [InlineData("EU27_2020,DE,FR,GR", null)]
    // not a member state
    [InlineData("EU27_2020,US", "Setting Pull:Reporters:1 is 'US'; expected EU27_2020 or an EU member state's ISO-2 code (Greece GR).")]
    // Eurostat's code for Greece is GR, not EL
    [InlineData("EL", "Setting Pull:Reporters:0 is 'EL'; expected EU27_2020 or an EU member state's ISO-2 code (Greece GR).")]
    // listed twice
    [InlineData("DE,EU27_2020,DE", "Setting Pull:Reporters:2 repeats 'DE'.")]
    public void Validate_Reporters_FailsNamingTheEntry(string reporters, string? message)
    {
        var options = new PullOptions { Reporters = [.. reporters.Split(',', StringSplitOptions.RemoveEmptyEntries)] };

        var result = new PullOptionsValidator(Options.Create(new CatalogOptions())).Validate(null, options);

        Assert.Equal(message is null, result.Succeeded);
        Assert.Equal(message, result.Failed ? result.FailureMessage : null);
    }

    [Fact]
    public void EffectiveReporters_NoneListed_TheSingleReporter()
    {
        Assert.Equal(["EU27_2020"], new PullOptions().EffectiveReporters);
        Assert.Equal(["DE", "FR"], new PullOptions { Reporter = "EU27_2020", Reporters = ["DE", "FR"] }.EffectiveReporters);
    }
}
