using Alerts.Cli.Serve.Mailbox;
using Alerts.Functions;
using Alerts.Functions.Http.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Serve;

/// <summary>
/// The Functions app hosted without the Functions host: Kestrel on 127.0.0.1 serving the app's HTTP functions
/// (routes, methods and key levels from <c>functions.metadata</c>) and firing its timers, over the services of
/// <see cref="AlertsApp.AddAlerts"/> - the registration Program.cs uses.
/// Start-up fails as the Functions host would on bad settings (options validated, storage created).
/// </summary>
public sealed class FunctionsWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionsWebHost(WebApplication app, FunctionKeys keys, Uri baseUrl, string routePrefix, bool mailbox)
    {
        _app = app;
        Keys = keys;
        BaseUrl = baseUrl;
        ApiBaseUrl = new Uri(baseUrl, routePrefix.Length > 0 ? routePrefix + "/" : "");
        MailboxUrl = mailbox ? new Uri(baseUrl, MailboxEndpoints.Path.TrimStart('/') + "/") : null;
        WebUrl = new Uri(ApiBaseUrl, "web");
    }

    /// <summary><c>http://127.0.0.1:PORT/api/web</c>: the analysts' pages.</summary>
    public Uri WebUrl { get; }

    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public Uri BaseUrl { get; }

    /// <summary><c>http://127.0.0.1:PORT/api/</c></summary>
    public Uri ApiBaseUrl { get; }

    public Uri? MailboxUrl { get; }

    public FunctionKeys Keys { get; }

    public IServiceProvider Services => _app.Services;

    public IConfiguration Configuration => _app.Configuration;

    public TimerFunctionScheduler Timers => _app.Services.GetRequiredService<TimerFunctionScheduler>();

    public static async Task<FunctionsWebHost> StartAsync(FunctionsWebHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var manifest = options.Manifest ?? FunctionManifest.LoadDefault();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            EnvironmentName = options.EnvironmentName,
            ApplicationName = typeof(AlertsApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Configuration.AddInMemoryCollection(options.Settings.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)));
        if (options.IncludeEnvironmentVariables)
        {
            builder.Configuration.AddEnvironmentVariables();
        }

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(options.Logging ?? (logging => logging.SetMinimumLevel(LogLevel.Warning)));
        builder.Services.AddProblemDetails();
        builder.Services.AddMvcCore(); // executes the functions' IActionResults, as the Functions ASP.NET Core integration does
        if (options.TimeProvider is not null)
        {
            builder.Services.AddSingleton(options.TimeProvider);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddSingleton(manifest);
        builder.Services.AddSingleton<TimerFunctionScheduler>();
        if (options.RunTimers)
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerFunctionScheduler>());
        }

        // The CLI owns Ctrl+C and SIGTERM: it stops this host and then the local stack, in that order.
        builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();

        var app = builder.Build();
        var keys = new FunctionKeys();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Alerts.Serve");
        app.UseStatusCodePages(); // an empty 404/405 (no route, wrong method) gets a problem body, as every answer of the app has
        if (options.WebSignIn is { } user && app.Environment.IsDevelopment())
        {
            app.Use(WebSignIn(user.IdentityProvider, user.UserId, user.Roles));
        }

        app.UseRouting();
        app.MapHttpFunctions(manifest, keys, logger);
        if (options.MailboxDirectory is not null)
        {
            app.MapMailbox(options.MailboxDirectory);
        }

        _ = app.Services.GetRequiredService<TimerFunctionScheduler>(); // resolve schedules now: a bad one stops the start
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(address).Port;
        return new FunctionsWebHost(app, keys, new Uri($"http://127.0.0.1:{port}/"), manifest.RoutePrefix, options.MailboxDirectory is not null);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    // What App Service authentication does after a sign-in: the principal headers on each request to the page.
    private static Func<HttpContext, RequestDelegate, Task> WebSignIn(string identityProvider, string userId, string[] roles)
    {
        var headers = ClientPrincipalHeader.Create(identityProvider, userId, roles);
        return (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api/web", StringComparison.OrdinalIgnoreCase)
                && !context.Request.Headers.Keys.Any(k => k.StartsWith("X-MS-CLIENT-PRINCIPAL", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var (name, value) in headers)
                {
                    context.Request.Headers[name] = value;
                }
            }

            return next(context);
        };
    }

    private sealed class NoConsoleLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
