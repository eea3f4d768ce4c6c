using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Alerts.Cli.Serve;
using Alerts.Functions.Http.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Alerts.Cli.Tests.Serve;

/// <summary>
/// Who may call, over real HTTP against serve's host: outside Development nothing starts without App Service
/// authentication or bearer validation; forged principal headers get nowhere there; admin routes need Alerts.Admin.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class IdentityOverHttpTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const string Audience = "api://alerts-tests";

    [Fact]
    public async Task Start_ProductionWithoutAuthentication_RefusesNamingWebsiteAuthEnabled()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartHostAsync(Production(), "Production"));

        Assert.Contains("WEBSITE_AUTH_ENABLED", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BearerIssuerWithoutAudience_RefusesNamingBoth()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartHostAsync(
            Production(("Auth__Bearer__Issuer", "https://login.example/tenant/v2.0")), "Production"));

        Assert.Contains("Auth__Bearer__Audience", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ProductionWithBearer_ForgedHeadersAndForgedTokens401_ValidTokenIsTheCaller()
    {
        await using var issuer = await LoopbackIssuer.StartAsync();
        await using var host = await app.StartHostAsync(
            Production(("Auth__Bearer__Issuer", issuer.Issuer), ("Auth__Bearer__Audience", Audience), ("Storage__NamePrefix", "bearer")), "Production");
        using var client = new HttpClient { BaseAddress = host.ApiBaseUrl };
        client.DefaultRequestHeaders.Add(FunctionKeys.HeaderName, host.Keys.FunctionKey);

        // Easy Auth's headers, claiming an admin: nothing in front of the app vouches for them here.
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, HttpMethod.Post, "recalculations", ClientPrincipalHeader.Create("aad", "mallory", CallerPrincipal.AdminRole), null));
        // A token signed with another key, one for another audience, one from another issuer.
        var otherKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" };
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, HttpMethod.Get, "subscriptions", null, issuer.Token(Audience, "mallory", [], otherKey)));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, HttpMethod.Get, "subscriptions", null, issuer.Token("api://other", "mallory", [])));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, HttpMethod.Get, "subscriptions", null, issuer.Token(Audience, "mallory", [], issuer: "https://elsewhere.example")));

        // A valid token: the caller, its role from the token.
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "subscriptions", null, issuer.Token(Audience, "alice", [])));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, HttpMethod.Post, "recalculations", null, issuer.Token(Audience, "alice", [])));
        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(client, HttpMethod.Post, "recalculations", null, issuer.Token(Audience, "admin", [CallerPrincipal.AdminRole])));
    }

    [Fact]
    public async Task Request_ProductionWithAppServiceAuthentication_NeedsThePrincipalNotJustAnId()
    {
        await using var host = await app.StartHostAsync(Production(("WEBSITE_AUTH_ENABLED", "true")), "Production");
        using var client = new HttpClient { BaseAddress = host.ApiBaseUrl };
        client.DefaultRequestHeaders.Add(FunctionKeys.HeaderName, host.Keys.FunctionKey);

        // The old shape, an id alone, is what anyone can type; the platform always sends the principal with it.
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, HttpMethod.Get, "subscriptions", new Dictionary<string, string> { [ClientPrincipalHeader.Id] = "alice" }, null));
        // Provider in the principal and in its header disagree: not written by the platform.
        var mixed = new Dictionary<string, string>(ClientPrincipalHeader.Create("aad", "alice")) { [ClientPrincipalHeader.IdentityProvider] = "github" };
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, HttpMethod.Get, "subscriptions", mixed, null));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "subscriptions", ClientPrincipalHeader.Create("aad", "alice"), null));
    }

    [Fact]
    public async Task Owner_SameUserIdOfTwoProviders_AreTwoOwners()
    {
        using var create = app.Api(HttpMethod.Post, "subscriptions", caller: "same-id");
        create.Content = JsonContent.Create(new { channel = "email", target = "same@example.eu" });
        using var created = await app.Client.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var github = ClientPrincipalHeader.Create("github", "same-id");
        using var list = new HttpRequestMessage(HttpMethod.Get, new Uri(app.Host.ApiBaseUrl, "subscriptions"));
        list.Headers.Add(FunctionKeys.HeaderName, app.Host.Keys.FunctionKey);
        foreach (var (name, value) in github)
        {
            list.Headers.Add(name, value);
        }

        using var listed = await app.Client.SendAsync(list);
        Assert.Equal(0, (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    [Fact]
    public async Task Request_DevelopmentWithoutPrincipal_Is401Problem()
    {
        using var request = app.Api(HttpMethod.Get, "subscriptions", caller: null);
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(ClientPrincipalHeader.Principal, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "recalculations")]
    [InlineData("GET", "recalculations/run-x")]
    public async Task AdminRoute_WithoutAdminRole_Is403Problem(string method, string path)
    {
        using var request = app.Api(new HttpMethod(method), path, caller: "analyst");
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(CallerPrincipal.AdminRole, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // The local stack's settings allow webhooks on loopback, which Production refuses on its own account: turned off here.
    private static Dictionary<string, string?> Production(params (string Name, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Teams__AllowInsecureLoopback"] = "false",
            ["Subscriptions__SigningKeys__0"] = "test-only-link-signing-key-0123456789", // no development key outside Development
        };
        foreach (var (name, value) in settings)
        {
            all[name] = value;
        }

        return all;
    }

    private static string Messages(Exception error) =>
        error is AggregateException all ? string.Join(" ", all.Flatten().InnerExceptions.Select(e => e.Message)) : error.Message;

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, IReadOnlyDictionary<string, string>? headers, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { products = new[] { "850511" } });
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
