namespace Alerts.Functions.Web;

/// <summary>The page's static files, embedded in the assembly under <c>Alerts.Functions.Web.Assets.</c>.</summary>
internal static class WebAssets
{
    private static readonly Dictionary<string, (byte[] Content, string ContentType)> Files = Load();

    public static (byte[] Content, string ContentType)? Find(string name) => Files.TryGetValue(name, out var file) ? file : null;

    private static Dictionary<string, (byte[], string)> Load()
    {
        const string prefix = "Alerts.Functions.Web.Assets.";
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[prefix.Length..];
            files[name] = (copy.ToArray(), name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "application/octet-stream");
        }

        return files;
    }
}
