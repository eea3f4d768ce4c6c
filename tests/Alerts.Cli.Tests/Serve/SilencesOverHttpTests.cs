using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Alerts.Cli.Tests.Serve;

/// <summary><c>/api/silences</c> over real HTTP: create, read, list, expire; owner and global scope; bad input; the limit; configuration silences.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SilencesOverHttpTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const string InAnHour = "2099-01-01T00:00:00Z"; // the served app runs on the real clock

    [Fact]
    public async Task Silence_CreateReadListExpire_OnlyItsOwnerSeesIt()
    {
        using var created = await SendAsync(HttpMethod.Post, "silences", "silence-owner", body: $$"""
            {"matchers":[{"name":"commodity","value":"rare-earths"},{"name":"rule","value":"crma-.*","isRegex":true}],"endsAt":"{{InAnHour}}","comment":"Data release under review"}
            """);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = silence.GetProperty("id").GetString()!;
        Assert.Equal($"/api/silences/{id}", created.Headers.Location?.ToString());
        Assert.Equal(("active", "owner", "api", "silence-owner"), (Text(silence, "status"), Text(silence, "scope"), Text(silence, "source"), Text(silence, "createdBy")));
        Assert.True(silence.GetProperty("matchers")[1].GetProperty("isRegex").GetBoolean());

        using var read = await SendAsync(HttpMethod.Get, $"silences/{id}", "silence-owner");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains(await ListIdsAsync("silence-owner"), i => i == id);

        // Another owner: not found, not listed, cannot expire it.
        using var foreign = await SendAsync(HttpMethod.Get, $"silences/{id}", "silence-other");
        await AssertProblemAsync(foreign, HttpStatusCode.NotFound);
        Assert.DoesNotContain(await ListIdsAsync("silence-other"), i => i == id);
        using var foreignDelete = await SendAsync(HttpMethod.Delete, $"silences/{id}", "silence-other");
        await AssertProblemAsync(foreignDelete, HttpStatusCode.NotFound);

        using var expired = await SendAsync(HttpMethod.Delete, $"silences/{id}", "silence-owner");
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        using var after = await SendAsync(HttpMethod.Get, $"silences/{id}", "silence-owner");
        Assert.Equal("expired", Text(await after.Content.ReadFromJsonAsync<JsonElement>(), "status"));
    }

    [Fact]
    public async Task Silence_GlobalScope_NeedsTheAdminRole()
    {
        var body = $$"""{"matchers":[{"name":"reporter","value":"EU27_2020"}],"endsAt":"{{InAnHour}}","scope":"global"}""";

        using var refused = await SendAsync(HttpMethod.Post, "silences", "silence-user", body: body);
        await AssertProblemAsync(refused, HttpStatusCode.Forbidden);

        using var created = await SendAsync(HttpMethod.Post, "silences", "silence-admin", admin: true, body: body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = Text(await created.Content.ReadFromJsonAsync<JsonElement>(), "id");

        // Everyone sees a global silence; only an admin expires it.
        Assert.Contains(await ListIdsAsync("silence-user"), i => i == id);
        using var userDelete = await SendAsync(HttpMethod.Delete, $"silences/{id}", "silence-user");
        await AssertProblemAsync(userDelete, HttpStatusCode.Forbidden);
        using var adminDelete = await SendAsync(HttpMethod.Delete, $"silences/{id}", "silence-admin", admin: true);
        Assert.Equal(HttpStatusCode.OK, adminDelete.StatusCode);
    }

    public static TheoryData<string, HttpStatusCode, string> BadSilences => new()
    {
        // no matcher
        { """{"matchers":[],"endsAt":"2099-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest, "matchers" },
        // an unknown matcher name
        { """{"matchers":[{"name":"colour","value":"red"}],"endsAt":"2099-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest, "matchers[0].name" },
        // an empty value
        { """{"matchers":[{"name":"reporter","value":""}],"endsAt":"2099-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest, "matchers[0].value" },
        // a regular expression that does not compile
        { """{"matchers":[{"name":"rule","value":"crma-(","isRegex":true}],"endsAt":"2099-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest, "matchers[0].value" },
        // no end
        { """{"matchers":[{"name":"rule","value":"crma-65"}]}""", HttpStatusCode.BadRequest, "endsAt" },
        // the end before the start
        { """{"matchers":[{"name":"rule","value":"crma-65"}],"startsAt":"2099-01-02T00:00:00Z","endsAt":"2099-01-01T00:00:00Z"}""", HttpStatusCode.UnprocessableEntity, "endsAt" },
        // the end in the past
        { """{"matchers":[{"name":"rule","value":"crma-65"}],"endsAt":"2020-01-01T00:00:00Z"}""", HttpStatusCode.UnprocessableEntity, "endsAt" },
    };

    [Theory]
    [MemberData(nameof(BadSilences))]
    public async Task Create_BadSilence_ProblemNamingTheFieldAndNothingStored(string body, HttpStatusCode status, string field)
    {
        var caller = "silence-bad-" + Guid.NewGuid().ToString("N")[..8];

        using var refused = await SendAsync(HttpMethod.Post, "silences", caller, body: body);

        await AssertProblemAsync(refused, status);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), body);
        Assert.Empty(await ListIdsAsync(caller));
    }

    [Fact]
    public async Task Create_OverTheLimit_Is422AndConfigurationSilencesAreListedReadOnly()
    {
        await using var host = await app.StartHostAsync(new Dictionary<string, string?>
        {
            ["Storage__NamePrefix"] = "sl" + Guid.NewGuid().ToString("N")[..8],
            ["SilenceLimits__MaxActivePerOwner"] = "2",
            ["Silences__0__Id"] = "release-freeze",
            ["Silences__0__Commodity"] = "graphite",
            ["Silences__0__StartsAt"] = "2026-01-01T00:00:00Z",
            ["Silences__0__EndsAt"] = "2099-01-01T00:00:00Z",
        });
        using var client = new HttpClient { BaseAddress = host.BaseUrl };
        var body = $$"""{"matchers":[{"name":"rule","value":"crma-65"}],"endsAt":"{{InAnHour}}"}""";
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.SendAsync(Request(host, HttpMethod.Post, "silences", body));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var third = await client.SendAsync(Request(host, HttpMethod.Post, "silences", body));
        await AssertProblemAsync(third, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("SilenceLimits__MaxActivePerOwner", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var listed = await client.SendAsync(Request(host, HttpMethod.Get, "silences", null));
        var configured = (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(s => Text(s, "id") == "release-freeze");
        Assert.Equal(("configuration", "global", "active"), (Text(configured, "source"), Text(configured, "scope"), Text(configured, "status")));
        using var delete = await client.SendAsync(Request(host, HttpMethod.Delete, "silences/release-freeze", null));
        await AssertProblemAsync(delete, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Start_BadConfigurationSilences_RefusedNamingEveryBadEntry()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartHostAsync(new Dictionary<string, string?>
        {
            ["Silences__0__Commodity"] = "rare-earths",
            ["Silences__0__Start"] = "2026-12-01T00:00:00Z",
            ["Silences__0__EndsAt"] = "2026-12-24T00:00:00Z",
            ["Silences__1__Reporter"] = "",
            ["Silences__1__StartsAt"] = "2026-12-01T00:00:00Z",
            ["Silences__1__EndsAt"] = "2026-12-24T00:00:00Z",
        }));

        var messages = Messages(error);
        Assert.Contains("Silences__0__Start:", messages, StringComparison.Ordinal);
        Assert.Contains("Silences__0__StartsAt: is required", messages, StringComparison.Ordinal);
        Assert.Contains("Silences__1__Reporter:", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscription_MuteWindows_StoredNormalizedAndBadOnesNamed()
    {
        using var refused = await SendAsync(HttpMethod.Post, "subscriptions", "mute-owner", body: """
            {"channel":"email","target":"mute@example.eu","muteWindows":[{"weekdays":["funday"]},{"start":"20:00","timeZone":"Mars/Olympus"}]}
            """);
        await AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "muteWindows[0].weekdays[0]", "muteWindows[1].end", "muteWindows[1].timeZone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        using var ok = await SendAsync(HttpMethod.Post, "subscriptions", "mute-owner", body: """
            {"channel":"email","target":"mute@example.eu","muteWindows":[{"weekdays":["saturday:sunday"],"timeZone":"Europe/Brussels"},{"start":"20:00","end":"07:00"}]}
            """);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var view = await ok.Content.ReadFromJsonAsync<JsonElement>();
        var windows = view.GetProperty("muteWindows");
        Assert.Equal("""[{"weekdays":["saturday","sunday"],"start":null,"end":null,"timeZone":"Europe/Brussels"},{"weekdays":null,"start":"20:00","end":"07:00","timeZone":"UTC"}]""", windows.GetRawText());

        // A merge patch replaces the windows; null removes them.
        var id = Text(view, "id");
        using var patched = await SendAsync(HttpMethod.Patch, $"subscriptions/{id}", "mute-owner", body: """{"muteWindows":[{"weekdays":["monday:friday"],"start":"22:00","end":"06:00","timeZone":"Europe/Paris"}]}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(
            """[{"weekdays":["monday","tuesday","wednesday","thursday","friday"],"start":"22:00","end":"06:00","timeZone":"Europe/Paris"}]""",
            (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("muteWindows").GetRawText());
        using var cleared = await SendAsync(HttpMethod.Patch, $"subscriptions/{id}", "mute-owner", body: """{"muteWindows":null}""");
        Assert.Equal("[]", (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("muteWindows").GetRawText());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string caller, bool admin = false, string? body = null)
    {
        using var request = app.Api(method, path, caller, admin);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await app.Client.SendAsync(request);
    }

    private static HttpRequestMessage Request(Alerts.Cli.Serve.FunctionsWebHost host, HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, new Uri(host.ApiBaseUrl, path));
        request.Headers.Add(Alerts.Cli.Serve.FunctionKeys.HeaderName, host.Keys.FunctionKey);
        foreach (var (name, value) in Alerts.Functions.Http.Identity.ClientPrincipalHeader.Create("aad", "limit-owner", []))
        {
            request.Headers.Add(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<List<string>> ListIdsAsync(string caller)
    {
        using var listed = await SendAsync(HttpMethod.Get, "silences", caller);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        return [.. (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Where(s => Text(s, "source") == "api").Select(s => Text(s, "id"))];
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Messages(e.InnerException);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
