using Alerts.TestKit.Fixtures;

namespace Alerts.DevStack.Tests;

/// <summary>Tests sharing one whole local stack (see <see cref="LocalStackFixture"/>).</summary>
[CollectionDefinition(LocalStackFixture.Collection)]
public sealed class LocalStackCollection : ICollectionFixture<LocalStackFixture>;
