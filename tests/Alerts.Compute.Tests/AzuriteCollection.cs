using Alerts.TestKit.Storage;

namespace Alerts.Compute.Tests;

/// <summary>The test classes of this assembly that need storage share one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
