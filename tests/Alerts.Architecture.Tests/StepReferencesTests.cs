using System.Xml.Linq;

namespace Alerts.Architecture.Tests;

/// <summary>The compiler keeps the direction of the flow: a step project references only steps upstream of it.</summary>
public sealed class StepReferencesTests
{
    /// <summary>The steps in flow order; Platform is the shared plumbing every step may use.</summary>
    private static readonly string[] Flow = ["Alerts.Platform", "Alerts.Pull", "Alerts.Compute", "Alerts.Evaluate", "Alerts.Route", "Alerts.Deliver"];

    public static TheoryData<string> Steps => new(Flow);

    [Theory]
    [MemberData(nameof(Steps))]
    public void StepProject_ReferencesOnlyUpstreamSteps(string step)
    {
        var upstream = Flow.TakeWhile(s => s != step).ToHashSet(StringComparer.Ordinal);

        var referenced = ProjectReferences(step);

        var wrong = referenced.Where(r => !upstream.Contains(r)).ToList();
        Assert.True(wrong.Count == 0, $"{step} references {string.Join(", ", wrong)}; it may reference only {string.Join(", ", upstream.DefaultIfEmpty("nothing"))}");
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void StepProject_ReferencesTheStepJustBefore(string step)
    {
        var index = Array.IndexOf(Flow, step);

        var referenced = ProjectReferences(step);

        // One reference at most: the step before; what that step uses comes with it.
        Assert.Equal(index == 0 ? [] : new[] { Flow[index - 1] }, referenced);
    }

    private static List<string> ProjectReferences(string project)
    {
        var path = Path.Combine(RepositoryRoot(), "src", project, project + ".csproj");
        return [.. XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!.Value.Replace('\\', '/')))];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Alerts.sln not found above " + AppContext.BaseDirectory);
    }
}
