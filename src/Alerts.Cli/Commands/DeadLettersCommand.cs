using System.Text.Json;
using Alerts.Cli.Serve;
using Alerts.Platform.Bus;
using Alerts.Platform.Bus.DeadLetters;
using Alerts.Platform.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Commands;

/// <summary>What <c>alerts deadletters list|resubmit|purge</c> does, against Service Bus directly (the same as <c>/api/deadletters</c>).</summary>
public sealed record DeadLettersOptions
{
    public required string Action { get; init; }

    /// <summary>A <c>local.settings.json</c>-shaped file with <c>ServiceBus__ConnectionString</c> or <c>ServiceBus__FullyQualifiedNamespace</c>; else the environment.</summary>
    public string? SettingsFile { get; init; }

    public string? Topic { get; init; }

    public string? Subscription { get; init; }

    public DeadLetterFilter Filter { get; init; } = DeadLetterFilter.None;

    public int Max { get; init; } = 100;

    public bool Json { get; init; }
}

/// <summary>
/// Lists, resubmits or purges dead letters with <see cref="DeadLetterClient"/> on a Service Bus client built from the
/// settings (<c>--settings FILE</c> or environment variables) with the app's own registrations. Exit 0 when done, 1 on a
/// bad setting or a Service Bus failure (named on stderr).
/// </summary>
public static class DeadLettersCommand
{
    public static async Task<int> RunAsync(DeadLettersOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        IConfiguration configuration;
        try
        {
            configuration = Configuration(options.SettingsFile);
        }
        catch (LocalSettingsFileException e)
        {
            await stderr.WriteLineAsync($"alerts deadletters: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var busOptions = configuration.GetSection(ServiceBusOptions.SectionName).Get<ServiceBusOptions>() ?? new ServiceBusOptions();
        if (busOptions.Validate() is { Count: > 0 } errors)
        {
            await stderr.WriteLineAsync("alerts deadletters: " + string.Join(" ", errors).Replace(ServiceBusOptions.SectionName + ":", ServiceBusOptions.SectionName + "__", StringComparison.Ordinal)
                + " (in --settings FILE's Values, or as environment variables such as ServiceBus__ConnectionString)").ConfigureAwait(false);
            return 1;
        }

        var queues = DeadLetterQueue.All;
        if (options.Topic is not null || options.Subscription is not null)
        {
            if (DeadLetterQueue.Find(options.Topic, options.Subscription) is not { } one)
            {
                await stderr.WriteLineAsync($"alerts deadletters: --topic {options.Topic} --subscription {options.Subscription} is none of {string.Join(", ", DeadLetterQueue.All)}").ConfigureAwait(false);
                return 1;
            }

            queues = [one];
        }

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddAlertsAzureIdentity(configuration)
            .AddAlertsServiceBus(configuration)
            .BuildServiceProvider();
        var client = services.GetRequiredService<DeadLetterClient>();
        try
        {
            return await RunAsync(client, options, queues, stdout, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceBusException e)
        {
            await stderr.WriteLineAsync($"alerts deadletters: Service Bus failed ({e.Reason}): {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> RunAsync(DeadLetterClient client, DeadLettersOptions options, IReadOnlyList<DeadLetterQueue> queues, TextWriter stdout, CancellationToken cancellationToken)
    {
        var results = new List<object>();
        foreach (var queue in queues)
        {
            switch (options.Action)
            {
                case "list":
                    var found = await client.ListAsync(queue, options.Filter, options.Max, cancellationToken).ConfigureAwait(false);
                    results.Add(new { queue.Topic, queue.Subscription, Messages = found });
                    if (!options.Json)
                    {
                        await DeadLettersText.WriteAsync(stdout, queue, found).ConfigureAwait(false);
                    }

                    break;
                case "resubmit":
                    var resubmitted = await client.ResubmitAsync(queue, options.Filter, options.Max, cancellationToken).ConfigureAwait(false);
                    results.Add(new { queue.Topic, queue.Subscription, Resubmitted = resubmitted });
                    if (!options.Json)
                    {
                        await stdout.WriteLineAsync($"{queue}: {resubmitted} resubmitted").ConfigureAwait(false);
                    }

                    break;
                default:
                    var purged = await client.PurgeAsync(queue, options.Filter, options.Max, cancellationToken).ConfigureAwait(false);
                    results.Add(new { queue.Topic, queue.Subscription, Purged = purged });
                    if (!options.Json)
                    {
                        await stdout.WriteLineAsync($"{queue}: {purged} purged").ConfigureAwait(false);
                    }

                    break;
            }
        }

        if (options.Json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(results, JsonSerializerOptions.Web)).ConfigureAwait(false);
        }

        return 0;
    }

    // The file's Values, or the environment, in the app settings' names (ServiceBus__ConnectionString = ServiceBus:ConnectionString).
    private static IConfiguration Configuration(string? settingsFile)
    {
        var builder = new ConfigurationBuilder();
        if (settingsFile is null)
        {
            builder.AddEnvironmentVariables();
        }
        else
        {
            builder.AddInMemoryCollection(LocalSettingsFile.Read(settingsFile).Select(p => KeyValuePair.Create(p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value)));
        }

        return builder.Build();
    }
}
