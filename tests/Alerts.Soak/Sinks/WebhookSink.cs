using System.Text;
using System.Text.RegularExpressions;
using Alerts.Soak.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Soak.Sinks;

/// <summary>
/// Stands in for Teams Workflows webhooks on 127.0.0.1 and injects faults by the seeded dice: 429 with Retry-After,
/// 500 (no Retry-After: the app's own delay), 503 with Retry-After, a hang longer than the worker's webhook timeout,
/// a connection reset, a slow 200. Paths under <c>/gone/</c> answer 410 (the designated permanent failures). A card
/// counts as delivered when a 2xx is answered; it is recognised by the soak marker in its text.
/// </summary>
public sealed partial class WebhookSink : IAsyncDisposable
{
    /// <summary>Longer than the worker's <c>Teams__Timeout</c>, so the worker gives up first.</summary>
    public static readonly TimeSpan HangFor = TimeSpan.FromSeconds(4);

    private readonly WebApplication app;

    private WebhookSink(WebApplication app, Uri baseUrl, Receipts receipts)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Receipts = receipts;
    }

    public Uri BaseUrl { get; }

    public Receipts Receipts { get; }

    /// <param name="idOf">The notification id of a soak marker number.</param>
    public static async Task<WebhookSink> StartAsync(FaultDice dice, double faultRate, Func<int, string?> idOf, CancellationToken cancellationToken)
    {
        var receipts = new Receipts();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            if (context.Request.Path.StartsWithSegments("/gone", StringComparison.Ordinal))
            {
                receipts.Refused();
                context.Response.StatusCode = 410;
                return;
            }

            var fault = SinkFaults.Draw(dice, faultRate);
            switch (fault)
            {
                case SinkFault.Throttled:
                    receipts.Fault();
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                case SinkFault.ServerError:
                    receipts.Fault();
                    context.Response.StatusCode = 500;
                    return;
                case SinkFault.Unavailable:
                    receipts.Fault();
                    context.Response.StatusCode = 503;
                    context.Response.Headers.RetryAfter = "2";
                    return;
                case SinkFault.Hang:
                    receipts.Fault();
                    try
                    {
                        await Task.Delay(HangFor, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    context.Abort();
                    return;
                case SinkFault.Reset:
                    receipts.Fault();
                    context.Abort();
                    return;
                case SinkFault.Slow:
                    await Task.Delay(TimeSpan.FromMilliseconds(200), context.RequestAborted);
                    break;
            }

            var marker = Marker().Match(body);
            receipts.Arrived(marker.Success ? idOf(int.Parse(marker.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)) : null, body);
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync("1", context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookSink(app, new Uri(address.TrimEnd('/') + "/"), receipts);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    [GeneratedRegex(@"soak\\*#(\d{6})")]
    private static partial Regex Marker();
}
