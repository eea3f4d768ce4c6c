using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Alerts.Cli.Tests.Serve;

/// <summary>
/// A token issuer on 127.0.0.1: publishes its OpenID metadata and signing key (JWKS) over real HTTP, as Entra ID does,
/// and signs tokens with that key, so bearer validation runs unchanged against it.
/// </summary>
public sealed class LoopbackIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private LoopbackIssuer(WebApplication app, RsaSecurityKey key, string issuer)
    {
        _app = app;
        _key = key;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public static async Task<LoopbackIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" };
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        string? issuer = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer!,
            ["jwks_uri"] = issuer + "/keys",
        }));
        app.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", n = jwk.N, e = jwk.E } } });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer = $"http://127.0.0.1:{new Uri(address).Port}";
        return new LoopbackIssuer(app, key, issuer);
    }

    /// <summary>A token for <paramref name="userId"/> with <paramref name="roles"/>; <paramref name="signWith"/> replaces the issuer's key (a forgery).</summary>
    public string Token(string audience, string userId, string[] roles, SecurityKey? signWith = null, string? issuer = null)
    {
        var claims = new Dictionary<string, object> { ["oid"] = userId, ["roles"] = roles };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(10),
            SigningCredentials = new SigningCredentials(signWith ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
