using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alerts.Cli.Serve;
using Alerts.Functions.Http.Identity;

namespace Alerts.Cli.Tests.Serve;

/// <summary>Request limits and health over real HTTP: chunked bodies, the subscription quota, dependency reachability.</summary>
[Collection(PipelineCollection.Name)]
public sealed class LimitsOverHttpTests(ServedApp app) : IClassFixture<ServedApp>
{
    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Is413Problem()
    {
        using var request = app.Api(HttpMethod.Post, "subscriptions", caller: "chunky");
        var json = "{\"channel\":\"email\",\"target\":\"a@example.eu\",\"pad\":\"" + new string('x', 80 * 1024) + "\"}";
        // A stream of unknown length: HttpClient sends it with Transfer-Encoding: chunked and no Content-Length.
        request.Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        request.Content.Headers.ContentType = new("application/json");
        using var response = await app.Client.SendAsync(request);

        Assert.True(request.Headers.TransferEncodingChunked ?? false);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var list = app.Api(HttpMethod.Get, "subscriptions", caller: "chunky");
        using var listed = await app.Client.SendAsync(list);
        Assert.Equal(0, (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength()); // nothing stored
    }

    [Fact]
    public async Task Post_OverTheOwnersQuota_Is409ProblemNamingTheSetting()
    {
        await using var host = await app.StartHostAsync(new Dictionary<string, string?>
        {
            ["Subscriptions__MaxPerOwner"] = "2",
            ["Storage__NamePrefix"] = "quota",
        });

        var statuses = new List<HttpStatusCode>();
        JsonElement last = default;
        for (var i = 0; i < 3; i++)
        {
            using var response = await CreateAsync(host, "collector", $"c{i}@example.eu");
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict], statuses);
        Assert.Contains("Subscriptions__MaxPerOwner", last.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var other = await CreateAsync(host, "someone-else", "o@example.eu");
        Assert.Equal(HttpStatusCode.Created, other.StatusCode); // the quota is per owner
    }

    [Fact]
    public async Task Health_Anonymous_ReportsStorageAndServiceBusByName()
    {
        using var response = await app.Client.GetAsync(new Uri(app.Host.ApiBaseUrl, "health"));
        using var live = await app.Client.GetAsync(new Uri(app.Host.ApiBaseUrl, "health/live"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (response.StatusCode, live.StatusCode));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", report.GetProperty("status").GetString());
        Assert.Equal("ok", report.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("ok", report.GetProperty("checks").GetProperty("serviceBus").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_ServiceBusUnreachable_Is503NamingIt()
    {
        var closed = ProcessFreePort();
        await using var host = await app.StartHostAsync(new Dictionary<string, string?>
        {
            ["ServiceBus__ConnectionString"] = $"Endpoint=sb://127.0.0.1:{closed};SharedAccessKeyName=k;SharedAccessKey=a2V5;UseDevelopmentEmulator=true",
        });
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(host.ApiBaseUrl, "health"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("degraded", report.GetProperty("status").GetString());
        Assert.Equal("unreachable", report.GetProperty("checks").GetProperty("serviceBus").GetProperty("status").GetString());
        Assert.Equal("ok", report.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    private static int ProcessFreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }

    private static async Task<HttpResponseMessage> CreateAsync(FunctionsWebHost host, string caller, string target)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.ApiBaseUrl, "subscriptions"))
        {
            Content = JsonContent.Create(new { channel = "email", target }),
        };
        request.Headers.Add(FunctionKeys.HeaderName, host.Keys.FunctionKey);
        foreach (var (name, value) in ClientPrincipalHeader.Create("aad", caller))
        {
            request.Headers.Add(name, value);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
