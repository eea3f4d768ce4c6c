using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.TestKit.Http;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 and a free port, answering each request with what a script
/// function returns, and recording the requests. For client tests: 429s, 500s, slow answers, 413s.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ScriptedHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary><c>http://127.0.0.1:port/</c></summary>
    public Uri BaseAddress { get; }

    public IReadOnlyList<ScriptedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server whose answers come from <paramref name="script"/> (called once per request, on any thread).</summary>
    public static async Task<ScriptedHttpServer> StartAsync(Func<ScriptedRequest, ScriptedResponse> script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ScriptedHttpServer? server = null;
        app.Run(async context =>
        {
            var request = context.Request;
            var recorded = new ScriptedRequest(
                request.Method,
                request.Path.Value ?? "/",
                request.Query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value.Select(v => v ?? string.Empty).ToList(), StringComparer.Ordinal),
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                server!._clock.Elapsed);
            server._requests.Enqueue(recorded);
            var answer = script(recorded);
            if (answer.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(answer.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ScriptedHttpServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
