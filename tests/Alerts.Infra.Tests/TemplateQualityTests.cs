using System.Text.RegularExpressions;
using Alerts.Infra.Tests.Template;

namespace Alerts.Infra.Tests;

/// <summary>The template compiles and lints clean; the local docker-compose pins its images.</summary>
public sealed partial class TemplateQualityTests
{
    [Theory]
    [InlineData("build")]
    [InlineData("lint")]
    public void Bicep_MainTemplate_HasNoWarningOrError(string command)
    {
        var arguments = command == "build" ? new[] { "build", Bicep.PathOf("infra/main.bicep"), "--stdout" } : ["lint", Bicep.PathOf("infra/main.bicep")];
        var result = Bicep.Run(arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(Diagnostic(), result.Error);
        Assert.DoesNotMatch(Diagnostic(), command == "lint" ? result.Output : string.Empty);
    }

    [Fact]
    public void DockerCompose_EveryImage_IsPinnedToAVersion()
    {
        var images = ImageLine().Matches(File.ReadAllText(Bicep.PathOf("infra/local/docker-compose.yml"))).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Matches(@":[^:]*\d[^:]*$", image));
        Assert.All(images, image => Assert.DoesNotContain("latest", image, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\b(Warning|Error)\b")]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"(?m)^\s*image:\s*(\S+)")]
    private static partial Regex ImageLine();
}
