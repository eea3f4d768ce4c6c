namespace Alerts.TestKit.Samples;

/// <summary>Paths of the bundled sample data (<c>samples/</c> at the repository root).</summary>
public static class SampleFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository's <c>samples</c> folder.</summary>
    public static string Directory => Path.Combine(Root.Value, "samples");

    /// <summary>A file under <c>samples/</c>, e.g. <c>comext/850511.json</c>.</summary>
    public static string Get(string relative)
    {
        var path = Path.Combine(Directory, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"sample {relative} not found under {Directory}", path);
    }

    public static Stream Open(string relative) => File.OpenRead(Get(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Alerts.sln not found above " + AppContext.BaseDirectory);
    }
}
