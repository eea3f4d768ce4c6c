namespace Alerts.TestKit.Pipeline;

/// <summary>The pipeline watching the EU and Germany side by side (<c>Pull__Reporters</c>) on two products.</summary>
public sealed class ReportersPipelineStack : PipelineStack
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Pull__Reporters__0"] = "EU27_2020",
        ["Pull__Reporters__1"] = "DE",
        ["Pull__Products__0"] = "850511",
        ["Pull__Products__1"] = "284690",
    };
}
