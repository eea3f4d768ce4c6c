using Alerts.Functions;
using Alerts.Compute;
using Alerts.Compute.Store;
using Alerts.Deliver;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.DevStack;
using Alerts.Evaluate;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Cli.Demo;

/// <summary>
/// The Functions app's services (the same <see cref="AlertsApp.AddAlerts"/>) wired to a
/// running <see cref="LocalStack"/>, for the demo and the end-to-end tests. Options are validated as the host
/// would at start, and the tables and containers created.
/// </summary>
public sealed class LocalPipeline : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private LocalPipeline(ServiceProvider provider, IConfiguration configuration)
    {
        this.provider = provider;
        Configuration = configuration;
    }

    public IServiceProvider Services => provider;

    public IConfiguration Configuration { get; }

    /// <param name="settings">Extra app settings (<c>__</c> names) on top of the stack's, e.g. rules or products.</param>
    /// <param name="configureServices">Registrations after the app's, e.g. a test's telemetry exporter.</param>
    public static async Task<LocalPipeline> StartAsync(
        LocalStack stack, TimeProvider time, Action<ILoggingBuilder>? logging = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var values = stack.Settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        values["Schedules__Pull"] = "0 0 6 * * *";
        values["Schedules__Route"] = "0 */1 * * * *";
        values["Schedules__DeliverEmail"] = "30 */1 * * * *";
        values["Schedules__DeliverTeams"] = "30 */1 * * * *";
        values["Schedules__Recalculations"] = "15 */1 * * * *";
        values["Schedules__Digest"] = "45 */1 * * * *";
        values["Drain__ReceiveWait"] = "00:00:00.500";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(logging ?? (b => b.SetMinimumLevel(LogLevel.Warning)));
        services.AddSingleton(time);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlerts(configuration);
        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            await provider.GetRequiredService<StorageAccount>().EnsureCreatedAsync(cancellationToken);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return new LocalPipeline(provider, configuration);
    }

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
