using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Cli.Serve;
using Alerts.Cli.Tests.Serve;
using Alerts.Functions.Http.Identity;
using Alerts.Platform.Storage;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.Hostile;

/// <summary>
/// Hostile requests over real HTTP against <c>serve</c>'s host (<see cref="HostileCases"/>): every one is answered with
/// a 4xx problem (an HTML page for a link a person opens), never a 500, and the stored tables and blobs are the same
/// before and after.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class HostileHttpTests(ServedApp app) : IClassFixture<ServedApp>
{
    [Fact]
    public async Task HostileRequests_Each4xxProblem_NothingStoredChanges()
    {
        await using var host = await app.StartHostAsync(new Dictionary<string, string?> { ["Storage__NamePrefix"] = "hostile" });
        var target = await SeedAsync(host);
        var account = host.Services.GetRequiredService<StorageAccount>();
        var cases = HostileCases.All(FunctionManifest.LoadDefault()).ToList();
        Assert.True(cases.Count >= 200, $"only {cases.Count} hostile requests");

        var before = await StoredState.SnapshotAsync(account);
        var failures = new List<string>();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        foreach (var hostile in cases)
        {
            using var request = hostile.Build(target);
            using var response = await client.SendAsync(request);
            if (await WrongAnswerAsync(hostile, response) is { } wrong)
            {
                failures.Add($"{hostile.Name}: {wrong}");
            }
        }

        var after = await StoredState.SnapshotAsync(account);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} hostile requests were not answered with a 4xx problem:\n{string.Join('\n', failures)}");
        Assert.True(before.SequenceEqual(after), "stored state changed:\n" + StoredState.Difference(before, after));
        Assert.NotEmpty(before); // the victim's subscriptions are there to be damaged
    }

    private static async Task<string?> WrongAnswerAsync(HostileCase hostile, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType?.MediaType;
        var body = await response.Content.ReadAsStringAsync();
        if (status is < 400 or > 499)
        {
            return $"{status} {Truncate(body)}";
        }

        if ((hostile.HtmlAllowed && type == "text/html") || (hostile.ServerRefuses && body.Length == 0))
        {
            return null;
        }

        if (type != "application/problem+json")
        {
            return $"{status} with content type '{type}', not a problem: {Truncate(body)}";
        }

        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 }
            && problem.RootElement.GetProperty("status").GetInt32() == status
            ? null
            : $"{status} problem without a title or with another status: {Truncate(body)}";
    }

    /// <summary>A victim with two subscriptions (tokens for them issued as their mails would carry) and the attacker's own.</summary>
    private static async Task<HostileTarget> SeedAsync(FunctionsWebHost host)
    {
        var victim = await SubscribeAsync(host, "victim", "victim@example.eu");
        var other = await SubscribeAsync(host, "victim", "victim-2@example.eu");
        var own = await SubscribeAsync(host, "attacker", "attacker@example.eu");
        var tokens = host.Services.GetRequiredService<SubscriptionTokens>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        return new HostileTarget(
            host,
            victim,
            own,
            tokens.Issue(TokenPurpose.Verify, victim, "victim@example.eu"),
            tokens.Issue(TokenPurpose.Verify, other, "victim-2@example.eu"),
            tokens.Issue(TokenPurpose.Unsubscribe, victim, "victim@example.eu", clock.GetUtcNow().AddDays(-1)));
    }

    private static async Task<string> SubscribeAsync(FunctionsWebHost host, string owner, string address)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.ApiBaseUrl, "subscriptions"))
        {
            Content = JsonContent.Create(new { channel = "email", target = address, minSeverity = "warning" }),
        };
        request.Headers.Add(FunctionKeys.HeaderName, host.Keys.FunctionKey);
        foreach (var (name, value) in ClientPrincipalHeader.Create("aad", owner))
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
