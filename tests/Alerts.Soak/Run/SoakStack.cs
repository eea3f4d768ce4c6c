using System.Globalization;
using Alerts.DevStack;
using Alerts.LocalServiceBus;
using Alerts.Platform.Storage;
using Alerts.Soak.Faults;
using Alerts.Soak.Sinks;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Alerts.Soak.Run;

/// <summary>
/// The parts the soak starts itself: Azurite and the loopback Service Bus (from the local stack; lock duration cut to
/// 15 s so a killed worker's messages come back sooner), the fault-injecting SMTP and webhook sinks, and the relay that
/// drops the worker's broker connections.
/// </summary>
public sealed class SoakStack : IAsyncDisposable
{
    public static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(15);

    private SoakStack(LocalStack stack, SmtpFaultSink smtp, WebhookSink webhooks, DroppingProxy proxy, StorageAccount storage, string topology)
    {
        Stack = stack;
        Smtp = smtp;
        Webhooks = webhooks;
        Proxy = proxy;
        Storage = storage;
        TopologyFile = topology;
    }

    public LocalStack Stack { get; }

    public SmtpFaultSink Smtp { get; }

    public WebhookSink Webhooks { get; }

    public DroppingProxy Proxy { get; }

    public StorageAccount Storage { get; }

    private string TopologyFile { get; }

    public LoopbackServiceBus Bus => Stack.ServiceBus;

    public static async Task<SoakStack> StartAsync(SoakOptions options, Func<int, string?> idOfMarker, CancellationToken cancellationToken)
    {
        var topology = Path.Combine(Path.GetTempPath(), $"alerts-soak-topology-{Environment.ProcessId}.json");
        var source = Path.Combine(RepositoryRoot.TryFind() ?? throw new InvalidOperationException("Run the soak inside the repository: it reads infra/local/servicebus/Config.json."), "infra", "local", "servicebus", "Config.json");
        await File.WriteAllTextAsync(
            topology,
            (await File.ReadAllTextAsync(source, cancellationToken)).Replace("\"LockDuration\": \"PT1M\"", $"\"LockDuration\": \"PT{LockDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}S\"", StringComparison.Ordinal),
            cancellationToken);
        var stack = await LocalStack.StartAsync(
            new LocalStackOptions { Components = LocalStackComponents.Azurite | LocalStackComponents.ServiceBus, ServiceBus = new LoopbackServiceBusOptions { TopologyPath = topology } },
            cancellationToken);
        var smtp = await SmtpFaultSink.StartAsync(new FaultDice(options.Seed + 1), options.SinkFaultRate, cancellationToken);
        var webhooks = await WebhookSink.StartAsync(new FaultDice(options.Seed + 2), options.SinkFaultRate, idOfMarker, cancellationToken);
        var proxy = new DroppingProxy(stack.ServiceBus.Port);
        var connection = stack.Settings[LocalStackSettings.StorageConnectionString];
        var storage = new StorageAccount(new TableServiceClient(connection), new BlobServiceClient(connection));
        await storage.EnsureCreatedAsync(cancellationToken);
        return new SoakStack(stack, smtp, webhooks, proxy, storage, topology);
    }

    /// <summary>The worker's app settings: the stack's, the bus through the dropping relay, short timeouts, the sinks.</summary>
    public Dictionary<string, string> WorkerSettings(SoakOptions options)
    {
        var settings = new Dictionary<string, string>(Stack.Settings, StringComparer.Ordinal)
        {
            [LocalStackSettings.ServiceBusConnectionString] = $"Endpoint=sb://127.0.0.1:{Proxy.Port};SharedAccessKeyName=local;SharedAccessKey=local;UseDevelopmentEmulator=true",
            [LocalStackSettings.SmtpHost] = "127.0.0.1",
            [LocalStackSettings.SmtpPort] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            [LocalStackSettings.SmtpFrom] = "alerts@soak.test",
            [LocalStackSettings.TeamsAllowedHosts] = "127.0.0.1",
            [LocalStackSettings.TeamsAllowInsecureLoopback] = "true",
            ["Teams__Timeout"] = "00:00:03",
            ["Smtp__Timeout"] = "00:00:10",
            ["ServiceBus__TryTimeout"] = "00:00:10",
            ["Drain__ReceiveWait"] = "00:00:01",
            ["Drain__TimeBudget"] = "00:00:30",
            ["Drain__BatchSize"] = "8",
            ["Schedules__Pull"] = "0 0 6 * * *",
            ["Schedules__Route"] = "0 */1 * * * *",
            ["Schedules__DeliverEmail"] = "30 */1 * * * *",
            ["Schedules__DeliverTeams"] = "30 */1 * * * *",
            ["Schedules__Recalculations"] = "15 */1 * * * *",
            ["Schedules__Digest"] = "45 */1 * * * *",
            [Worker.SoakWorker.StorageFaultsVariable] = options.StorageFaultRate.ToString(CultureInfo.InvariantCulture),
            [Worker.SoakWorker.OutcomeFaultsVariable] = options.OutcomeFaultRate.ToString(CultureInfo.InvariantCulture),
            [Worker.SoakWorker.SeedVariable] = options.Seed.ToString(CultureInfo.InvariantCulture),
            [Worker.SoakWorker.ConcurrencyVariable] = options.Concurrency.ToString(CultureInfo.InvariantCulture),
            ["Logging__Console__FormatterName"] = "simple",
        };
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Webhooks.DisposeAsync();
        await Smtp.DisposeAsync();
        await Stack.DisposeAsync();
        File.Delete(TopologyFile);
    }
}
