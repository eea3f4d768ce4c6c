using Alerts.Compute.SupplyRisk;
using Alerts.TestKit.Samples;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Compute.Tests.SupplyRisk;

/// <summary>
/// Settings <c>SupplyRisk:ProductionPath</c>, <c>WgiPath</c> and <c>ParametersPath</c> through the real registration
/// (<c>AddSupplyRiskInputs</c>, as <c>AddAlerts</c> calls it) and the start-up validation the host runs.
/// </summary>
public sealed class SupplyRiskInputsLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alerts-supply-risk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_NoSettings_ImportProxyOnlyShippedWgiNoParameters()
    {
        using var sp = Build(new Dictionary<string, string?>());

        sp.GetRequiredService<IStartupValidator>().Validate();
        var inputs = sp.GetRequiredService<SupplyRiskInputs>();

        Assert.Equal(0, inputs.Production.Count);
        Assert.Same(WgiTable.Shipped, inputs.Wgi);
        Assert.Empty(inputs.Parameters);
        Assert.Equal(SupplyRiskInputs.None.Fingerprint, inputs.Fingerprint);
    }

    [Fact]
    public void Load_FileContentChanges_FingerprintChangesSameContentKeepsIt()
    {
        var file = Path.Combine(_folder, "production.csv");
        File.WriteAllText(file, "reporter,product,year,quantity_kg\nEU27_2020,280530,2024,1000000\n");
        var settings = new Dictionary<string, string?> { ["SupplyRisk:ProductionPath"] = file };
        string Fingerprint()
        {
            using var sp = Build(settings);
            return sp.GetRequiredService<SupplyRiskInputs>().Fingerprint;
        }

        var first = Fingerprint();
        var same = Fingerprint();
        File.WriteAllText(file, "reporter,product,year,quantity_kg\nEU27_2020,280530,2024,2000000\n");
        var changed = Fingerprint();

        Assert.Equal(first, same);
        Assert.NotEqual(first, changed);
        Assert.NotEqual(SupplyRiskInputs.None.Fingerprint, first);
    }

    [Fact]
    public void Load_SampleFiles_AreRead()
    {
        using var sp = Build(new Dictionary<string, string?>
        {
            ["SupplyRisk:ProductionPath"] = SampleFiles.Get("crma/production.csv"),
            ["SupplyRisk:WgiPath"] = SampleFiles.Get("crma/wgi-operator.csv"),
            ["SupplyRisk:ParametersPath"] = SampleFiles.Get("crma/supply-risk.json"),
        });

        sp.GetRequiredService<IStartupValidator>().Validate();
        var inputs = sp.GetRequiredService<SupplyRiskInputs>();

        Assert.True(inputs.Production.TryGet("EU27_2020", "280530", 2024, out var entry));
        Assert.Equal(1_000_000m, entry.QuantityKg);
        Assert.Equal("sample 2026-01", inputs.Wgi.Vintage);
        Assert.Equal("280530", Assert.Single(inputs.Parameters).Stages[1].Product);
    }

    [Theory]
    // production quantity not a number
    [InlineData("ProductionPath", "reporter,product,year,quantity_kg\nEU27_2020,280530,2024,lots\n", "line 2")]
    // production JSON entry without a year
    [InlineData("ProductionPath", """{"entries":[{"reporter":"EU27_2020","product":"280530","quantityKg":1}]}""", "$.entries[0].year")]
    // WGI without its vintage line
    [InlineData("WgiPath", "country,year,estimate\nCN,2024,0.1\n", "vintage")]
    // WGI estimate out of range
    [InlineData("WgiPath", "# vintage: 2025\ncountry,year,estimate\nCN,2024,7\n", "line 3")]
    // parameters: stage without global supply
    [InlineData("ParametersPath", """{"materials":[{"material":"x","year":2024,"stages":[{"stage":"processing"}]}]}""", "$.materials[0].stages[0].globalSupply")]
    // parameters: not JSON
    [InlineData("ParametersPath", "materials:", "not valid JSON")]
    public void Load_BadFile_FailsAtStartNamingSettingFileAndPlace(string setting, string content, string where)
    {
        var file = Path.Combine(_folder, "bad.dat");
        File.WriteAllText(file, content);
        using var sp = Build(new Dictionary<string, string?> { ["SupplyRisk:" + setting] = file });

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("SupplyRisk:" + setting, e.Message, StringComparison.Ordinal);
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains(where, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_FailsAtStartNamingFileAndSetting()
    {
        var file = Path.Combine(_folder, "absent.csv");
        using var sp = Build(new Dictionary<string, string?> { ["SupplyRisk:ProductionPath"] = file });

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(file + " (setting SupplyRisk:ProductionPath): cannot be read", e.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSupplyRiskInputs(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
}
