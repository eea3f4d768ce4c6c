using Alerts.Compute;
using Alerts.Deliver;
using Alerts.Evaluate;
using Alerts.Platform;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Route;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Tests.Catalog;

/// <summary>
/// Setting <c>Catalog:Path</c> through the real registration (<c>AddCommodityCatalog</c>, as <c>AddAlerts</c> calls it)
/// and the start-up validation the host runs: operator files on disk applied, bad ones stopping the start.
/// </summary>
public sealed class CatalogLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alerts-catalog-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_NoSetting_ShippedCatalog()
    {
        using var sp = Build(path: null);

        sp.GetRequiredService<IStartupValidator>().Validate();

        Assert.Same(CommodityCatalog.Default, sp.GetRequiredService<CommodityCatalog>());
    }

    [Fact]
    public void Load_OperatorFile_AddsAndReplacesById()
    {
        var file = Write("ops.json", """
        {"commodities":[
          {"id":"gallium","name":"Gallium (HS6)","strategic":true,"stages":{"metal":["8112.92"]}},
          {"id":"antimony","name":"Antimony","stages":{"ore":["261710"],"metal":["811010"]}}]}
        """);
        using var sp = Build(file);

        sp.GetRequiredService<IStartupValidator>().Validate();
        var catalog = sp.GetRequiredService<CommodityCatalog>();

        Assert.Equal(CommodityCatalog.Default.Commodities.Count + 1, catalog.Commodities.Count);
        Assert.Equal(["811292"], catalog.Find("gallium")!.CodesFor(ProcessingStage.Metal));
        Assert.Equal("antimony", Assert.Single(catalog.Classify("81101000")).Commodity.Id);
        // Entries the file does not name stay as shipped.
        Assert.Equal(CommodityCatalog.Default.Find("rare-earths"), catalog.Find("rare-earths"));
    }

    [Fact]
    public void Load_RelativePath_ResolvedFromWorkingDirectory()
    {
        var file = Write("relative.json", """{"commodities":[{"id":"antimony","name":"Antimony","stages":{"metal":["811010"]}}]}""");
        using var sp = Build(Path.GetRelativePath(Environment.CurrentDirectory, file));

        sp.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(sp.GetRequiredService<CommodityCatalog>().Find("antimony"));
    }

    [Theory]
    [InlineData("{\"commodities\":[", "line 1")] // truncated JSON: where the parser stopped
    [InlineData("[]", "$.commodities")] // root is not the catalog object
    [InlineData("{\"commodities\":{}}", "$.commodities")] // commodities not an array
    [InlineData("{\"commodities\":[{\"name\":\"x\",\"stages\":{}}]}", "$.commodities[0].id")] // no id
    [InlineData("{\"commodities\":[{\"id\":\"Rare Earths\",\"name\":\"x\",\"stages\":{}}]}", "$.commodities[0].id")] // id not stable
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"name\":\"x\",\"stages\":{}},{\"id\":\"y\",\"name\":7,\"stages\":{}}]}", "$.commodities[1].name")] // name of the wrong type
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"name\":\"x\"}]}", "$.commodities[0].stages")] // no stages
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"name\":\"x\",\"stages\":{\"smelting\":[]}}]}", "$.commodities[0].stages.smelting")] // unknown stage
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"name\":\"x\",\"stages\":{\"ore\":\"2617\"}}]}", "$.commodities[0].stages.ore")] // codes not an array
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"name\":\"x\",\"stages\":{\"ore\":[\"abc\"]}}]}", "$.commodities[0].stages.ore")] // not an HS code
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"name\":\"x\",\"stages\":{}},{\"id\":\"x\",\"name\":\"y\",\"stages\":{}}]}", "appears twice")] // duplicate id
    public void Load_BadFile_FailsAtStartNamingFileAndJsonPath(string json, string where)
    {
        var file = Write("bad.json", json);
        using var sp = Build(file);

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains(where, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_FailsAtStartNamingFileAndSetting()
    {
        var file = Path.Combine(_folder, "absent.json");
        using var sp = Build(file);

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains("Catalog:Path", e.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string json)
    {
        var file = Path.Combine(_folder, name);
        File.WriteAllText(file, json);
        return file;
    }

    private static ServiceProvider Build(string? path)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Catalog:Path"] = path })
            .Build();
        return new ServiceCollection().AddCommodityCatalog(config).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
