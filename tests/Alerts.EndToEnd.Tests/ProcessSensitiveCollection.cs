namespace Alerts.EndToEnd.Tests;

/// <summary>
/// Tests that count child processes or signal processes: run alone, after the parallel tests,
/// so no other test's Azurite is mistaken for a leak.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessSensitiveCollection
{
    public const string Name = "Process-sensitive";
}
