using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Cli.Serve;
using Alerts.Functions.Http.Identity;
using Alerts.Functions.Pull.Recalculations;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.Serve;

/// <summary><c>POST /api/recalculations</c> over real HTTP: idempotency, coalescing, the rate limit, and the lease shared with the pull timer.</summary>
[Collection(PipelineCollection.Name)]
public sealed class RecalculationOverHttpTests(ServedApp app) : IClassFixture<ServedApp>
{
    [Fact]
    public async Task Post_SameIdempotencyKey_SameRun()
    {
        var first = await PostAsync(app.Host, "keyed-admin", new { products = new[] { "811292" } }, key: "release-2025-01");
        var again = await PostAsync(app.Host, "keyed-admin", new { products = new[] { "280530" } }, key: "release-2025-01");
        var otherCaller = await PostAsync(app.Host, "other-admin", new { products = new[] { "280530" }, force = true }, key: "release-2025-01");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.Status, again.Status));
        Assert.Equal(first.Location, again.Location);
        Assert.Equal(first.Body.GetProperty("id").GetString(), again.Body.GetProperty("id").GetString());
        Assert.NotEqual(first.Location, otherCaller.Location); // a key is the caller's own
    }

    [Fact]
    public async Task Post_OverlappingScopeWhileQueued_JoinsTheQueuedRun()
    {
        var first = await PostAsync(app.Host, "coalesce-a", new { products = new[] { "850511" }, force = true });
        var second = await PostAsync(app.Host, "coalesce-b", new { products = new[] { "850511", "284690" }, force = true });

        Assert.Equal(first.Body.GetProperty("id").GetString(), second.Body.GetProperty("id").GetString());
        var products = second.Body.GetProperty("products").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("850511", products);
        Assert.Contains("284690", products);
    }

    [Fact]
    public async Task Post_OverTheCallersLimit_Is429WithRetryAfter_OtherCallersUnaffected()
    {
        await using var host = await app.StartHostAsync(new Dictionary<string, string?>
        {
            ["Recalculations__PerCallerLimit"] = "2",
            ["Storage__NamePrefix"] = "ratelimit",
        });

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(host, "busy", new { products = new[] { "01" } })).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(host, "busy", new { products = new[] { "02" } })).Status);
        var refused = await PostAsync(host, "busy", new { products = new[] { "03" } });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.InRange(refused.RetryAfter ?? 0, 1, 3600);
        Assert.Contains("Recalculations__PerCallerLimit", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(host, "someone-else", new { products = new[] { "03" } })).Status);
    }

    [Fact]
    public async Task Post_JoiningQueuedRuns_CountsTowardTheCallersLimit()
    {
        await using var host = await app.StartHostAsync(new Dictionary<string, string?>
        {
            ["Recalculations__PerCallerLimit"] = "2",
            ["Storage__NamePrefix"] = "joinlimit",
        });

        var run = await PostAsync(host, "starter", new { products = new[] { "01" } });
        var joined = await PostAsync(host, "joiner", new { products = new[] { "01", "02" } });
        var again = await PostAsync(host, "joiner", new { products = new[] { "01", "03" } });
        Assert.Equal(run.Body.GetProperty("id").GetString(), joined.Body.GetProperty("id").GetString());
        Assert.Equal(run.Body.GetProperty("id").GetString(), again.Body.GetProperty("id").GetString());

        // Each join widened the run (and so what it spends): the third request of the caller is over the limit.
        var refused = await PostAsync(host, "joiner", new { products = new[] { "01", "04" } });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        var products = (await GetAsync(host, run.Location!)).GetProperty("products").EnumerateArray().Select(p => p.GetString());
        Assert.Equal(["01", "02", "03"], products.Order());
    }

    [Fact]
    public async Task Drain_RunLeftRunningByAStoppedWorker_MarkedFailedSayingSo()
    {
        await using var host = await app.StartHostAsync(new Dictionary<string, string?> { ["Storage__NamePrefix"] = "orphan" });
        var run = await PostAsync(host, "orphan-admin", new { products = new[] { "850511" } });
        var store = host.Services.GetRequiredService<RecalculationStore>();

        // A worker claimed it and stopped (its lease lapsed): the row says running and nobody will finish it.
        var claimed = (await store.GetAsync(run.Body.GetProperty("id").GetString()!, CancellationToken.None))!;
        claimed["Status"] = "Running";
        claimed["StartedAt"] = DateTimeOffset.UnixEpoch;
        Assert.True(await store.TryUpdateAsync(claimed, CancellationToken.None));
        Assert.Equal("running", (await GetAsync(host, run.Location!)).GetProperty("status").GetString());

        Assert.Equal(0, await host.Services.GetRequiredService<RecalculationWorker>().DrainAsync(CancellationToken.None));
        var failed = await GetAsync(host, run.Location!);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("stopped during the run", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, failed.GetProperty("finishedAt").ValueKind);
    }

    [Fact]
    public async Task Drain_WhileThePullTimerHoldsTheLease_LeavesTheRunQueued()
    {
        await using var host = await app.StartHostAsync(new Dictionary<string, string?> { ["Storage__NamePrefix"] = "leased" });
        var queueLengths = new List<long>();
        using var listener = QueueLengthListener(queueLengths);
        var run = await PostAsync(host, "lease-admin", new { products = new[] { "850511" } });
        var lease = host.Services.GetRequiredService<PullLease>();

        await using (var held = await lease.TryAcquireAsync("test as the pull timer", CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.Null(await lease.TryAcquireAsync("a second holder", CancellationToken.None));
            Assert.Equal(0, await host.Services.GetRequiredService<RecalculationWorker>().DrainAsync(CancellationToken.None));
            Assert.Equal("queued", (await GetAsync(host, run.Location!)).GetProperty("status").GetString());
        }

        Assert.Equal(1, await host.Services.GetRequiredService<RecalculationWorker>().DrainAsync(CancellationToken.None));
        Assert.Contains(1L, queueLengths); // the drains saw the one queued run (metric alerts.recalculations.queued; timers of other hosts may record too)
        var done = await GetAsync(host, run.Location!);
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("startedAt").GetDateTimeOffset() <= done.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Object, done.GetProperty("report").ValueKind);
    }

    private static async Task<(HttpStatusCode Status, Uri? Location, JsonElement Body, int? RetryAfter)> PostAsync(FunctionsWebHost host, string caller, object body, string? key = null)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.ApiBaseUrl, "recalculations")) { Content = JsonContent.Create(body) };
        request.Headers.Add(FunctionKeys.HeaderName, host.Keys.FunctionKey);
        foreach (var (name, value) in ClientPrincipalHeader.Create("aad", caller, CallerPrincipal.AdminRole))
        {
            request.Headers.Add(name, value);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await client.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, response.Headers.Location, json, (int?)response.Headers.RetryAfter?.Delta?.TotalSeconds);
    }

    private static async Task<JsonElement> GetAsync(FunctionsWebHost host, Uri location)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUrl, location.ToString()));
        request.Headers.Add(FunctionKeys.HeaderName, host.Keys.FunctionKey);
        foreach (var (name, value) in ClientPrincipalHeader.Create("aad", "reader-admin", CallerPrincipal.AdminRole))
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // This test's own view of the recalculation meter (other hosts in the process record too: only this prefix's drains run here).
    private static System.Diagnostics.Metrics.MeterListener QueueLengthListener(List<long> lengths)
    {
        var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RecalculationTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => { lock (lengths) { lengths.Add(value); } });
        listener.Start();
        return listener;
    }
}
