using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Cli.Serve;
using Alerts.Functions;
using Alerts.Functions.Http.Identity;
using Alerts.Functions.Pull.Recalculations;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Tests.Serve;

/// <summary>
/// <c>serve</c>'s host against the built <c>functions.metadata</c> (read here on its own, not through serve's reader):
/// the same routes, methods and key levels both ways, keys enforced per level over real HTTP, every function class
/// resolvable from the registration Program.cs uses, and the API answering over loopback.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class FunctionsWebHostTests(ServedApp app) : IClassFixture<ServedApp>
{
    private static readonly Lazy<List<JsonElement>> Metadata = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return document.RootElement.EnumerateArray().Select(f => f.Clone()).ToList();
    });

    public static TheoryData<string> HttpFunctionNames => [.. HttpTriggers().Select(t => t.Name)];

    [Fact]
    public void Endpoints_AgainstFunctionsMetadata_SameRoutesMethodsAndLevelsBothWays()
    {
        var expected = HttpTriggers().Select(t => $"{t.Name} /api/{t.Route} {string.Join(",", t.Methods)} {t.Level}").Order(StringComparer.Ordinal).ToList();
        var endpoints = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var served = endpoints
            .Where(e => e.Metadata.GetMetadata<HttpFunction>() is not null)
            .Select(e => (Function: e.Metadata.GetMetadata<HttpFunction>()!, Endpoint: e))
            .Select(x => $"{x.Function.Name} {x.Endpoint.RoutePattern.RawText} {string.Join(",", x.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => m.ToLowerInvariant()))} {x.Function.AuthorizationLevel.ToString().ToLowerInvariant()}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, served);

        // Nothing else is served under /api: the mailbox page is the only other endpoint.
        Assert.All(endpoints.Where(e => e.Metadata.GetMetadata<HttpFunction>() is null), e => Assert.StartsWith("/mailbox", e.RoutePattern.RawText, StringComparison.Ordinal));
        Assert.Equal(48, expected.Count);
    }

    [Theory]
    [MemberData(nameof(HttpFunctionNames))]
    public async Task Request_PerKeyLevel_RefusedWithoutTheKeyOnlyWhereTheLevelSaysSo(string name)
    {
        var trigger = HttpTriggers().Single(t => t.Name == name);
        var path = string.Join("/", trigger.Route.Split('/').Select(s => s.StartsWith('{') ? "x" : s));
        var method = new HttpMethod(trigger.Methods[0].ToUpperInvariant());

        using var none = Request(method, path, key: null);
        using var wrong = Request(method, path, key: "not-the-key");
        using var header = Request(method, path, key: app.Host.Keys.FunctionKey);
        using var query = Request(method, $"{path}?code={app.Host.Keys.FunctionKey}", key: null);
        var statuses = new List<HttpStatusCode>();
        foreach (var request in new[] { none, wrong, header, query })
        {
            using var response = await app.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        if (trigger.Level == "anonymous")
        {
            Assert.DoesNotContain(HttpStatusCode.Unauthorized, statuses);
        }
        else
        {
            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(2));
            Assert.DoesNotContain(HttpStatusCode.Unauthorized, statuses.Skip(2));
        }
    }

    [Fact]
    public async Task Request_WithoutKey_Is401ProblemDetails()
    {
        using var response = await app.Client.GetAsync(new Uri(app.Host.ApiBaseUrl, "alerts"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(FunctionKeys.HeaderName, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_SharedWithProgram_ResolvesEveryFunctionClass()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(app.Stack.Settings.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), (string?)kv.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAlerts(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        var classes = Metadata.Value.Select(f => f.GetProperty("entryPoint").GetString()!).Select(e => e[..e.LastIndexOf('.')]).Distinct().ToList();
        Assert.NotEmpty(classes);
        foreach (var name in classes)
        {
            var type = typeof(AlertsApp).Assembly.GetType(name);
            Assert.True(type is not null, $"{name} is not in the Functions assembly");
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
    }

    [Fact]
    public async Task Subscriptions_OverHttp_CreateThenListAndGetOwnOnly()
    {
        using var create = app.Api(HttpMethod.Post, "subscriptions", caller: "analyst-1");
        create.Content = JsonContent.Create(new { channel = "email", target = "analyst@example.eu", minSeverity = "warning" });
        using var created = await app.Client.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var list = app.Api(HttpMethod.Get, "subscriptions", caller: "analyst-1");
        using var listed = await app.Client.SendAsync(list);
        var ids = (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains(id, ids);

        using var other = app.Api(HttpMethod.Get, $"subscriptions/{id}", caller: "someone-else");
        using var notYours = await app.Client.SendAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, notYours.StatusCode);
        Assert.Equal("application/problem+json", notYours.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Alerts_OverHttp_ListIsJsonArrayAndBadStateIsValidationProblem()
    {
        using var list = app.Api(HttpMethod.Get, "alerts?state=resolved");
        using var listed = await app.Client.SendAsync(list);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await listed.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);

        using var bad = app.Api(HttpMethod.Get, "alerts?state=sideways");
        using var refused = await app.Client.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("state", out _));
    }

    [Fact]
    public async Task Recalculation_OverHttp_AcceptedThenDrainedThenSucceededWithTheReport()
    {
        using var request = app.Api(HttpMethod.Post, "recalculations", caller: "walk-admin", admin: true);
        request.Content = JsonContent.Create(new { products = new[] { "850511" } });
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!;
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.False(queued.GetProperty("force").GetBoolean()); // the default

        await app.Host.Services.GetRequiredService<RecalculationWorker>().DrainAsync(CancellationToken.None);

        using var poll = app.Api(HttpMethod.Get, location.ToString().TrimStart('/')["api/".Length..], caller: "walk-admin", admin: true);
        using var polled = await app.Client.SendAsync(poll);
        var body = await polled.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        var run = JsonDocument.Parse(body).RootElement;
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, run.GetProperty("finishedAt").ValueKind);
        Assert.Contains("\"850511\"", body, StringComparison.Ordinal);
        Assert.Contains("\"fetched\"", body, StringComparison.Ordinal);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, new Uri(app.Host.ApiBaseUrl, path));
        foreach (var (header, value) in ClientPrincipalHeader.Create("aad", "key-tests", CallerPrincipal.AdminRole))
        {
            request.Headers.Add(header, value);
        }

        if (key is not null)
        {
            request.Headers.Add(FunctionKeys.HeaderName, key);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static IEnumerable<(string Name, string Route, List<string> Methods, string Level)> HttpTriggers() =>
        Metadata.Value
            .Select(f => (Name: f.GetProperty("name").GetString()!, Trigger: f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In")))
            .Where(x => x.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .Select(x => (x.Name, x.Trigger.GetProperty("route").GetString()!,
                x.Trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).ToList(),
                x.Trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant()));
}
