using Alerts.Cli;
using Alerts.TestKit.Samples;

namespace Alerts.Cli.Tests;

/// <summary><c>alerts</c> on Spectre.Console.Cli: help with descriptions, defaults and examples, 80 columns, typos named.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_Root_ListsEveryCommandWithinEightyColumns()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "serve", "demo", "devstack", "indices", "pull" })
        {
            Assert.Contains($"    {command} ", output, StringComparison.Ordinal);
        }

        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: '{line}'"));
    }

    [Theory]
    // each command: its description, an example and (where it has one) a default
    [InlineData("serve", "7071")]
    [InlineData("demo", "--json")]
    [InlineData("devstack", "--capture-dir")]
    [InlineData("indices", "published")]
    [InlineData("pull", "--base-url")]
    public async Task Help_Command_HasDescriptionExamplesAndDefaults(string command, string expected)
    {
        var (code, output, _) = await RunAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("DESCRIPTION:", output, StringComparison.Ordinal);
        Assert.Contains("EXAMPLES:", output, StringComparison.Ordinal);
        Assert.Contains($"alerts {command}", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: '{line}'"));
    }

    [Theory]
    // a typo of --format
    [InlineData("indices --input x --fromat json", "--fromat", "did you mean --format?")]
    // a typo of --no-sample
    [InlineData("serve --no-sampel", "--no-sampel", "did you mean --no-sample?")]
    // nothing close: the options are listed
    [InlineData("devstack --verbose", "verbose", "options: --capture-dir")]
    public async Task Run_UnknownOption_ExitsTwoNamingItWithASuggestion(string args, string named, string suggestion)
    {
        var (code, output, error) = await RunAsync(args.Split(' '));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Contains(suggestion, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_IndicesWithColumnsAndOutput_WritesTheAskedColumnsToTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"indices-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, output, error) = await RunAsync(
                "indices", "--input", SampleFiles.Get("comext/sdmx/850511.csv"), "--format", "csv", "--columns", "changes", "--output", file);

            Assert.True(code == 0, error);
            Assert.Equal(string.Empty, output);
            var header = File.ReadLines(file).First();
            Assert.Contains("FromPrevious", header, StringComparison.Ordinal);
            Assert.DoesNotContain("crma", header, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
