using Xunit;

namespace Alerts.TestKit.Pipeline;

/// <summary>A <see cref="PipelineStack"/> whose timer pull reads UN Comtrade (the replay server's preview recordings) instead of Comext.</summary>
public sealed class ComtradePipelineStack : PipelineStack
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Pull__Source"] = "comtrade" };
}
