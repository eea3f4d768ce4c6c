using System.Globalization;
using Alerts.Deliver;
using Alerts.Functions;
using Alerts.Route.Notifications;
using Alerts.Soak.Faults;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Soak.Worker;

/// <summary>
/// The delivery worker the soak kills and restarts: the Functions app's own registrations (<see cref="AlertsApp.AddAlerts"/>)
/// configured from environment variables as app settings are, the storage client given <see cref="StorageFaultPolicy"/>,
/// and <see cref="DeliveryService.RunAsync"/> of each channel run back to back by several concurrent drains, as the timers
/// would with overlapping instances. Prints <c>ready</c> when it starts draining.
/// </summary>
public static class SoakWorker
{
    public const string StorageFaultsVariable = "SOAK_STORAGE_FAULTS";
    public const string OutcomeFaultsVariable = "SOAK_OUTCOME_FAULTS";
    public const string SeedVariable = "SOAK_SEED";
    public const string ConcurrencyVariable = "SOAK_CONCURRENCY";

    public static async Task<int> RunAsync()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var dice = new FaultDice(Number(SeedVariable, 1) ^ Environment.ProcessId);
        var faults = new StorageFaultPolicy(dice, Rate(StorageFaultsVariable), Rate(OutcomeFaultsVariable));
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Azure", LogLevel.Error));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlerts(configuration);

        // Registered after the app's own: the storage account is built on this client, whose pipeline injects the faults.
        services.AddSingleton(sp =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(faults, Azure.Core.HttpPipelinePosition.PerCall);
            return new TableServiceClient(configuration["Storage:ConnectionString"], options);
        });
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var delivery = provider.GetRequiredService<DeliveryService>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SoakWorker));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

        // The soak holds the other end of stdin: when it ends (even killed), so does this worker, instead of draining on as an orphan.
        _ = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is not null)
            {
            }

            Environment.Exit(3);
        });
        faults.Enabled = true;
        Console.Out.WriteLine("ready");
        Console.Out.Flush();

        var concurrency = Number(ConcurrencyVariable, 4);
        var drains = new List<Task>();
        foreach (var channel in new[] { Channels.Email, Channels.Teams })
        {
            for (var i = 0; i < concurrency; i++)
            {
                drains.Add(DrainForeverAsync(delivery, channel, logger, stop.Token));
            }
        }

        await Task.WhenAll(drains);
        return 0;
    }

    private static async Task DrainForeverAsync(DeliveryService delivery, string channel, ILogger logger, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var summary = await delivery.RunAsync(channel, cancellationToken);
                if (summary.Received == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A drain run that fails (the broker connection dropped, storage failed outside a handler) is run again, as the next timer tick would.
                logger.LogWarning("Drain of {Channel} failed: {Error}", channel, e.GetType().Name + ": " + e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static double Rate(string name) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? r : 0;

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
