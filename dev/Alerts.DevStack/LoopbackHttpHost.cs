using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.DevStack;

/// <summary>A minimal Kestrel host on 127.0.0.1 running one request handler (webhook listener, replay server).</summary>
internal static class LoopbackHttpHost
{
    /// <summary>Starts the host; returns it with its base URL (ending in '/') once it accepts connections.</summary>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(
        int port,
        ILoggerFactory? loggerFactory,
        RequestDelegate handler,
        CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings, environment or command line: nothing outside can move the port.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var app = builder.Build();
        app.Run(handler);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var baseUrl = new Uri(address.TrimEnd('/') + "/");
        return (app, baseUrl);
    }

    /// <summary>Stops the host, giving in-flight requests a short grace period.</summary>
    public static async ValueTask StopAsync(WebApplication app)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
