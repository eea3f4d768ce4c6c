using Alerts.Cli.Demo;
using Alerts.DevStack;
using Alerts.TestKit.Samples;
using Xunit;

namespace Alerts.TestKit.Pipeline;

/// <summary>
/// A local stack with a Comext pipeline and a Comtrade pipeline (own tables) on the system clock, with short retry
/// delays. Source-fault tests need the resilience pipeline's real waits: on <see cref="PipelineStack"/>'s fake clock
/// every retry back-off would wait for a clock nobody advances.
/// </summary>
public sealed class SystemClockPipelineStack : IAsyncLifetime
{
    /// <summary>The Comtrade pipeline's daily call budget: five of the six default products, seven yearly preview calls each.</summary>
    public const int ComtradeBudget = 5 * 7;

    public LocalStack Stack { get; private set; } = null!;

    public LocalPipeline Comext { get; private set; } = null!;

    public LocalPipeline Comtrade { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = await LocalStack.StartAsync(new LocalStackOptions());
        var fast = new Dictionary<string, string?>
        {
            ["Sources__Comext__Resilience__BaseDelay"] = "00:00:00.050",
            ["Sources__Comext__Resilience__MaxRetryAttempts"] = "2",
            ["Sources__Comtrade__Resilience__BaseDelay"] = "00:00:00.050",
            ["Sources__Comtrade__Resilience__MaxRetryAttempts"] = "2",
            // Seven trailing years at today's date: the recordings match whatever years are asked.
            ["Pull__TrailingYears"] = "7",
        };
        Comext = await LocalPipeline.StartAsync(Stack, TimeProvider.System, settings: SampleScope.With(fast));
        Comtrade = await LocalPipeline.StartAsync(Stack, TimeProvider.System, settings: new Dictionary<string, string?>(SampleScope.With(fast))
        {
            ["Pull__Source"] = "comtrade",
            ["Sources__Comtrade__DailyCallBudget"] = $"{ComtradeBudget}",
            ["Storage__NamePrefix"] = "comtradefaults",
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var pipeline in new[] { Comtrade, Comext })
        {
            if (pipeline is not null)
            {
                await pipeline.DisposeAsync();
            }
        }

        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
    }
}
