using System.Text;
using System.Text.Json;
using Alerts.Cli.Demo;
using Alerts.DevStack;
using Alerts.Functions.Compute;
using Alerts.Functions.Deliver;
using Alerts.Functions.Http;
using Alerts.Functions.Http.Identity;
using Alerts.Functions.Pull;
using Alerts.Functions.Pull.Recalculations;
using Alerts.Functions.Route;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Samples;
using Alerts.TestKit.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Alerts.TestKit.Pipeline;

/// <summary>
/// One local stack and the Functions app's services on it, sharing a fake clock (the broker's locks, schedules
/// and duplicate-detection window move with it). Each test class gets its own, so alert state, the duplicate
/// detection history and the mailboxes start empty. The function classes are called directly, as the host would.
/// </summary>
public class PipelineStack : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = TestClock.Create(new DateTimeOffset(2025, 11, 20, 6, 0, 0, TimeSpan.Zero));

    public FakeLogCollector Logs { get; } = new();

    public LocalStack Stack { get; private set; } = null!;

    public LocalPipeline Pipeline { get; private set; } = null!;

    /// <summary>Extra app settings for the pipeline (<c>__</c> names); none by default, a derived fixture names its own.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>
    /// Whether the pipeline pulls the default scope (every catalog code); false (the default) keeps it on the six
    /// sample products (<see cref="SampleScope"/>) unless <see cref="Settings"/> names products.
    /// </summary>
    protected virtual bool DefaultScope => false;

    /// <summary>Registrations after the app's (e.g. a telemetry exporter); none by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Stack = await LocalStack.StartAsync(new LocalStackOptions { TimeProvider = Clock });
        Pipeline = await LocalPipeline.StartAsync(
            Stack, Clock, logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(Logs)),
            DefaultScope ? Settings : SampleScope.With(Settings), ConfigureServices);
    }

    public async Task DisposeAsync()
    {
        if (Pipeline is { } pipeline)
        {
            await pipeline.DisposeAsync();
        }

        if (Stack is { } stack)
        {
            await stack.DisposeAsync();
        }
    }

    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Pipeline.Services);

    /// <summary>
    /// POSTs a subscription through the HTTP function as <paramref name="owner"/>; a pending email subscription is then
    /// confirmed through the confirm link's own path, as its recipient would, so the pipeline tests get active ones. The
    /// test card a Teams webhook takes at creation is then forgotten by the listener, so tests count notification cards only.
    /// </summary>
    public async Task<IActionResult> SubscribeAsync(object body, string owner = DemoSubscriptions.Owner)
    {
        var request = Request("POST", "/api/subscriptions", JsonSerializer.Serialize(body), owner);
        var result = await Function<SubscriptionFunctions>().CreateSubscription(request, CancellationToken.None);
        if (result is CreatedResult { Value: SubscriptionView { Status: SubscriptionStatus.PendingVerification } view })
        {
            var target = (await Pipeline.Get<SubscriptionStore<Subscription>>().FindAsync(view.Id, CancellationToken.None))!.Target;
            var token = Pipeline.Get<SubscriptionTokens>().Issue(TokenPurpose.Verify, view.Id, target, Clock.GetUtcNow().AddDays(1));
            Assert.Equal(LinkResult.Done, await Pipeline.Get<SubscriptionVerification>().ConfirmAsync(view.Id, token, CancellationToken.None));
        }

        if (result is CreatedResult { Value: SubscriptionView { Channel: Channels.Teams } })
        {
            Stack.Webhooks.Requests.Clear();
        }

        return result;
    }

    /// <summary>
    /// <c>POST /api/recalculations</c> as an admin, then one drain of the worker (as its timer would), then the run's
    /// report; throws unless the run succeeded.
    /// </summary>
    public async Task<RecalculationReport> RecalculateAsync(string body)
    {
        var function = Function<RecalculationFunction>();
        var accepted = await function.Recalculate(Request("POST", "/api/recalculations", body, "recalculation-tests", admin: true), CancellationToken.None);
        var run = (RecalculationRun)((AcceptedResult)accepted).Value!;
        await Pipeline.Get<RecalculationWorker>().DrainAsync(CancellationToken.None);
        var read = await function.GetRecalculation(Request("GET", $"/api/recalculations/{run.Id}", null, "recalculation-tests", admin: true), run.Id, CancellationToken.None);
        var done = (RecalculationRun)((OkObjectResult)read).Value!;
        if (done.Status != RecalculationStatus.Succeeded || done.Report is not { } report)
        {
            throw new InvalidOperationException($"Recalculation {run.Id} is {done.Status}: {done.Error}");
        }

        return RecalculationReport.Read(report);
    }

    public Task SubscribeDemoAsync() => Task.WhenAll(
        SubscribeAsync(DemoSubscriptions.Email()),
        SubscribeAsync(DemoSubscriptions.Teams(Stack)));

    public Task PullAsync() => Function<PullTradeStatisticsFunction>().PullTradeStatistics(new TimerInfo(), CancellationToken.None);

    public Task RouteAsync() => Function<RouteBreachesFunction>().RouteBreaches(new TimerInfo(), CancellationToken.None);

    public Task DeliverAsync(string channel) => channel == Channels.Email
        ? Function<DeliverEmailFunction>().DeliverEmail(new TimerInfo(), CancellationToken.None)
        : Function<DeliverTeamsFunction>().DeliverTeams(new TimerInfo(), CancellationToken.None);

    /// <summary>
    /// A hand-made request as the host hands it to a function after authentication: <paramref name="owner"/> (a user id
    /// of identity provider <c>aad</c>; null = nobody authenticated), with the admin role when <paramref name="admin"/>.
    /// </summary>
    public static HttpRequest Request(string method, string path, string? body, string? owner, bool admin = false)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Features.Set(new CallerFeature(owner is null ? null : new CallerPrincipal("aad", owner, admin ? [CallerPrincipal.AdminRole] : [])));

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        return context.Request;
    }
}
