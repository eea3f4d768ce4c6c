using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Alerts.Functions.Http.Identity;

/// <summary>
/// The headers App Service authentication (Easy Auth) sets on every authenticated request, after removing any the
/// client sent: <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON with <c>auth_typ</c>, <c>claims</c>, <c>role_typ</c>),
/// <c>X-MS-CLIENT-PRINCIPAL-IDP</c> and <c>X-MS-CLIENT-PRINCIPAL-ID</c>. Reading them only makes sense where the
/// platform stands in front (or locally, in Development).
/// </summary>
public static class ClientPrincipalHeader
{
    public const string Principal = "X-MS-CLIENT-PRINCIPAL";
    public const string IdentityProvider = "X-MS-CLIENT-PRINCIPAL-IDP";
    public const string Id = "X-MS-CLIENT-PRINCIPAL-ID";

    private const int MaxIdLength = 128;
    private const int MaxPrincipalLength = 16 * 1024;
    private const string DefaultRoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    /// <summary>The principal the three headers describe, or null if any is missing, malformed or inconsistent.</summary>
    public static CallerPrincipal? Read(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var idp = headers[IdentityProvider].ToString().Trim();
        var id = headers[Id].ToString().Trim();
        var encoded = headers[Principal].ToString().Trim();
        if (idp.Length is 0 or > MaxIdLength || id.Length is 0 or > MaxIdLength || encoded.Length is 0 or > MaxPrincipalLength)
        {
            return null;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Convert.FromBase64String(encoded));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }

        // The platform writes the provider into both; a mismatch means the headers were not all written by it.
        if (payload is null || !string.Equals(payload.AuthType, idp, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var roleType = string.IsNullOrEmpty(payload.RoleType) ? DefaultRoleType : payload.RoleType;
        var roles = (payload.Claims ?? [])
            .Where(c => c.Value is { Length: > 0 } && (c.Type == roleType || c.Type == "roles"))
            .Select(c => c.Value!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new CallerPrincipal(idp.ToLowerInvariant(), id, roles);
    }

    /// <summary>
    /// The headers as App Service authentication would set them for <paramref name="userId"/> of
    /// <paramref name="identityProvider"/> with <paramref name="roles"/>: for local use (<c>serve</c> in Development) and tests.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Create(string identityProvider, string userId, params string[] roles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identityProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var payload = new Payload
        {
            AuthType = identityProvider,
            RoleType = DefaultRoleType,
            NameType = "name",
            Claims = [new Claim { Type = "http://schemas.microsoft.com/identity/claims/objectidentifier", Value = userId },
                ..roles.Select(r => new Claim { Type = DefaultRoleType, Value = r })],
        };
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Principal] = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload))),
            [IdentityProvider] = identityProvider,
            [Id] = userId,
        };
    }

    private sealed class Payload
    {
        [JsonPropertyName("auth_typ")]
        public string? AuthType { get; set; }

        [JsonPropertyName("name_typ")]
        public string? NameType { get; set; }

        [JsonPropertyName("role_typ")]
        public string? RoleType { get; set; }

        [JsonPropertyName("claims")]
        public List<Claim>? Claims { get; set; }
    }

    private sealed class Claim
    {
        [JsonPropertyName("typ")]
        public string? Type { get; set; }

        [JsonPropertyName("val")]
        public string? Value { get; set; }
    }
}
