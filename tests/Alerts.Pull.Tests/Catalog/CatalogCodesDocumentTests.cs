using System.Text.RegularExpressions;
using Alerts.Pull.Catalog;
using Alerts.TestKit.Samples;

namespace Alerts.Pull.Tests.Catalog;

/// <summary><c>src/Alerts.Pull/Catalog/CODES.md</c> documents exactly the codes of <c>commodities.json</c>, per material and stage.</summary>
public sealed partial class CatalogCodesDocumentTests
{
    [Fact]
    public void CodesDocument_ListsEveryCatalogCodeOncePerMaterialAndStage()
    {
        var path = Path.Combine(SampleFiles.Directory, "..", "src", "Alerts.Pull", "Catalog", "CODES.md");
        var documented = File.ReadLines(path)
            .Select(l => Row().Match(l))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value}/{m.Groups[2].Value}/{m.Groups[3].Value}")
            .ToList();

        var catalog = (from c in CommodityCatalog.Default.Commodities
                       from stage in Enum.GetValues<ProcessingStage>()
                       from code in c.CodesFor(stage)
                       select $"{c.Id}/{stage.ToString().ToLowerInvariant()}/{code}").ToList();

        Assert.Equal(catalog.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| `([a-z-]+)` \| ([a-z]+) \| `(\d+)` \|")]
    private static partial Regex Row();
}
