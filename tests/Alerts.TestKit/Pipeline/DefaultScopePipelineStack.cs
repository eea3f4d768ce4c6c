namespace Alerts.TestKit.Pipeline;

/// <summary>The pipeline on the default scope: every code of the catalog (no <c>Pull__Products</c>), the 17 strategic raw materials.</summary>
public sealed class DefaultScopePipelineStack : PipelineStack
{
    protected override bool DefaultScope => true;
}
