namespace Alerts.Functions.Tests;

/// <summary>
/// The function tests that run the pipeline start a whole local stack; in one collection they run one after another,
/// so a 2-core machine is not asked to boot several Azurites at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection
{
    public const string Name = "Pipeline end to end";
}
