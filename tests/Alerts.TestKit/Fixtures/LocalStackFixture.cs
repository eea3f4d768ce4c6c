using Alerts.DevStack;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Alerts.TestKit.Fixtures;

/// <summary>
/// Starts the whole local stack once per test collection and stops it at the end (no process left behind).
/// Use it through a collection in the test assembly (xunit requires the definition there):
/// <code>
/// [CollectionDefinition(LocalStackFixture.Collection)]
/// public sealed class LocalStackCollection : ICollectionFixture&lt;LocalStackFixture&gt;;
/// </code>
/// and call <see cref="Reset"/> at the start of each test that asserts on received mail, posts or requests.
/// </summary>
public class LocalStackFixture : IAsyncLifetime
{
    /// <summary>The collection name tests put in <c>[Collection(...)]</c>.</summary>
    public const string Collection = "LocalStack";

    private LocalStack? _stack;

    /// <summary>The running stack; throws before <see cref="InitializeAsync"/> ran.</summary>
    public LocalStack Stack => _stack ?? throw new InvalidOperationException("The local stack is not started yet.");

    /// <summary>Settings by their app-setting names (see <see cref="LocalStackSettings"/>).</summary>
    public IReadOnlyDictionary<string, string> Settings => Stack.Settings;

    /// <summary>
    /// The settings as configuration (<c>Smtp__Port</c> becomes <c>Smtp:Port</c>), for binding the app's options
    /// in tests exactly as the Functions host would from environment variables.
    /// </summary>
    public IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection(Settings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
        .Build();

    public async Task InitializeAsync()
    {
        _stack = await LocalStack.StartAsync(CreateOptions());
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    /// <summary>Forgets received mail, webhook posts, replay requests and scripted failures from earlier tests.</summary>
    public void Reset() => Stack.Reset();

    /// <summary>Override to start a subset or use a capture folder; default: everything, no capture.</summary>
    protected virtual LocalStackOptions CreateOptions() => new();
}
