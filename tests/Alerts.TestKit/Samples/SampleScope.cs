namespace Alerts.TestKit.Samples;

/// <summary>
/// The six products of the first sample data (rare earths, gallium/germanium HS6, natural graphite): the small
/// scope pipeline tests run on, since the default scope (every catalog code, about 60 products) makes each pull
/// ten times longer and only the tests about the default scope need it.
/// </summary>
public static class SampleScope
{
    public static IReadOnlyList<string> Products { get; } = ["280530", "284690", "850511", "811292", "250410", "250490"];

    /// <summary>The products as app settings (<c>Pull__Products__N</c>).</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } =
        Products.Select((p, i) => KeyValuePair.Create($"Pull__Products__{i}", (string?)p)).ToDictionary();

    /// <summary><paramref name="settings"/> on the small scope, unless they name products themselves.</summary>
    public static IReadOnlyDictionary<string, string?> With(IReadOnlyDictionary<string, string?>? settings)
    {
        if (settings is not null && settings.Keys.Any(k => k.StartsWith("Pull__Products__", StringComparison.Ordinal)))
        {
            return settings;
        }

        var merged = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
