namespace Alerts.TestKit.Pipeline;

/// <summary>
/// A <see cref="PipelineStack"/> pulling Comext and UN Comtrade side by side (<c>Pull__Sources=comext,comtrade</c>), with the
/// mirror check over the two years the replay's mirror recordings cover (<c>Pull__MirrorYears=2</c>).
/// </summary>
public sealed class BothSourcesPipelineStack : PipelineStack
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Pull__Sources"] = "comext,comtrade",
        ["Pull__MirrorYears"] = "2",
    };
}

/// <summary>As <see cref="BothSourcesPipelineStack"/> over the default scope (every catalog code).</summary>
public sealed class BothSourcesDefaultScopePipelineStack : PipelineStack
{
    protected override bool DefaultScope => true;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Pull__Sources"] = "comext,comtrade" };
}
