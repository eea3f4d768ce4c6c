using Alerts.Compute.Series;

using Alerts.Evaluate.Run;

using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Tests;

/// <summary>Setting <c>Pull:Commodities</c> checked at start against the catalog the app runs with (shipped, or with an operator file).</summary>
public sealed class PullOptionsValidatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alerts-pull-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    // default: every covered stage
    [InlineData("", "", true, null)]
    // ids and id/stage that the default products cover
    [InlineData("", "rare-earths,graphite/ore", true, null)]
    // not in the catalog
    [InlineData("", "unobtainium", false, "Setting Pull:Commodities[0] 'unobtainium' is not a commodity id")]
    // in the catalog, no code among the products configured
    [InlineData("850511", "graphite", false, "Setting Pull:Commodities[0] 'graphite': none of its codes (250410, 250490, 380110, 850760)")]
    // commodities off: nothing to check
    [InlineData("", "unobtainium,off", true, null)]
    public void Validate_Commodities_FailsNamingTheEntry(string products, string commodities, bool ok, string? message)
    {
        var options = new PullOptions
        {
            Products = [.. products.Split(',', StringSplitOptions.RemoveEmptyEntries)],
            Commodities = [.. commodities.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(c => c != "off")],
            AggregateCommodities = !commodities.Contains("off", StringComparison.Ordinal),
        };

        var result = new PullOptionsValidator(Options.Create(new CatalogOptions())).Validate(null, options);

        Assert.Equal(ok, result.Succeeded);
        if (message is not null)
        {
            Assert.StartsWith(message, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_OperatorCommodityInCatalogFile_Accepted()
    {
        var file = Path.Combine(_folder, "ops.json");
        File.WriteAllText(file, """{"commodities":[{"id":"magnet-chain","name":"Magnet chain","stages":{"downstream":["850511","280530"]}}]}""");
        var options = new PullOptions { Commodities = ["magnet-chain"] };

        var withFile = new PullOptionsValidator(Options.Create(new CatalogOptions { Path = file })).Validate(null, options);
        var shipped = new PullOptionsValidator(Options.Create(new CatalogOptions())).Validate(null, options);

        Assert.True(withFile.Succeeded, withFile.FailureMessage);
        Assert.False(shipped.Succeeded);
    }
}
