using System.Text;
using Alerts.Cli.Serve;
using Alerts.Functions.Http.Identity;

namespace Alerts.Cli.Tests.Hostile;

/// <summary>
/// The hostile requests, by family: missing and forged keys and principals, roles, injected and traversing ids,
/// bodies that are too big, too deep, of the wrong type or carrying control and bidi characters, wrong methods and
/// content types, huge and injected query strings, and tokens replayed where they do not belong. Every one must be
/// answered with a 4xx problem and change nothing stored.
/// </summary>
internal static class HostileCases
{
    /// <summary>Routes that act for a caller (an owner or an admin): <c>{id}</c> is filled in by the case.</summary>
    private static readonly (string Method, string Path, bool Admin)[] OwnerRoutes =
    [
        ("GET", "subscriptions", false), ("POST", "subscriptions", false), ("GET", "subscriptions/{id}", false),
        ("PATCH", "subscriptions/{id}", false), ("DELETE", "subscriptions/{id}", false), ("GET", "subscriptions/{id}/deliveries", false),
        ("POST", "subscriptions/{id}/resume", false), ("POST", "subscriptions/{id}/test", false), ("POST", "subscriptions/{id}/verification", false),
        ("POST", "recalculations", true), ("GET", "recalculations/{id}", true),
        ("GET", "deadletters", true), ("POST", "deadletters/notifications/email/resubmit", true), ("DELETE", "deadletters/notifications/email", true),
        ("GET", "silences", false), ("POST", "silences", false), ("GET", "silences/{id}", false), ("DELETE", "silences/{id}", false),
    ];

    /// <summary>Ids an attacker tries in a path: OData quote injection, traversal, control and bidi characters, huge.</summary>
    private static readonly string[] HostileIds =
    [
        "' or PartitionKey ne '", "x' or 1 eq 1 or RowKey eq '", "%27%20or%20%271%27%20eq%20%271", "..%2F..%2Fhealth", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "%00", "a%0d%0aSet-Cookie:%20x=1", "%E2%80%AEtxt.exe", "%7B%7D", "*", "%20", new string('9', 2000), "sub-%F0%9F%92%A3",
    ];

    /// <summary>Principal headers an attacker forges: each must read as nobody (401).</summary>
    private static readonly (string Name, Func<IReadOnlyDictionary<string, string>> Headers)[] ForgedPrincipals =
    [
        ("only the id header", () => new Dictionary<string, string> { [ClientPrincipalHeader.Id] = "victim", [ClientPrincipalHeader.IdentityProvider] = "aad" }),
        ("principal not base64", () => Principal("%%% not base64 %%%")),
        ("principal base64 of text", () => Principal(B64("victim"))),
        ("principal with wrong types", () => Principal(B64("""{"auth_typ":5,"claims":"all"}"""))),
        ("principal of another provider than the header", () => Principal(B64("""{"auth_typ":"github","claims":[]}"""))),
        ("principal deeply nested", () => Principal(B64(new string('[', 5000) + new string(']', 5000)))),
        ("principal over 16 KiB", () => Principal(B64("""{"auth_typ":"aad","claims":[{"typ":"x","val":"" + new string('a', 20000) + ""}]}"""))),
        ("id header over 128 characters", () => new Dictionary<string, string>(ClientPrincipalHeader.Create("aad", "attacker")) { [ClientPrincipalHeader.Id] = new string('v', 300) }),
    ];

    public static IEnumerable<HostileCase> All(FunctionManifest manifest) =>
    [
        .. WithoutKey(manifest), .. WrongKeys(), .. Forged(), .. NotAdmin(), .. InjectedIds(), .. NotYours(), .. Bodies(),
        .. Queries(), .. WrongMethods(manifest), .. Paths(), .. Tokens(),
    ];

    private static IEnumerable<HostileCase> WithoutKey(FunctionManifest manifest) =>
        from f in manifest.Http
        where f.AuthorizationLevel != FunctionAuthorizationLevel.Anonymous
        from method in f.Methods
        select new HostileCase($"{method} {f.Route} without the function key", t => t.Bare(new HttpMethod(method.ToUpperInvariant()), Fill(f.Route, "x")));

    private static IEnumerable<HostileCase> WrongKeys()
    {
        foreach (var (method, path, _) in OwnerRoutes)
        {
            yield return new($"{method} {path} with a wrong key", t => Header(t.Bare(new HttpMethod(method), Fill(path, t.VictimId)), FunctionKeys.HeaderName, "not-the-key"));
            yield return new($"{method} {path} with an empty key in the query", t => t.Bare(new HttpMethod(method), Fill(path, t.VictimId) + "?code="));
        }
    }

    private static IEnumerable<HostileCase> Forged() =>
        from route in OwnerRoutes
        from forged in ForgedPrincipals
        select new HostileCase($"{route.Method} {route.Path} with {forged.Name}", t =>
        {
            var request = t.Keyed(new HttpMethod(route.Method), Fill(route.Path, t.VictimId));
            foreach (var (name, value) in forged.Headers())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return Json(request, """{"channel":"email","target":"a@example.eu"}""");
        });

    private static IEnumerable<HostileCase> NotAdmin() =>
        from route in OwnerRoutes.Where(r => r.Admin)
        from roles in new[] { "", "Alerts.Reader", "alerts.admin", "Alerts.Admin " }
        select new HostileCase($"{route.Method} {route.Path} as a caller with roles '{roles}'", t =>
        {
            var request = t.Keyed(new HttpMethod(route.Method), Fill(route.Path, "r-1"));
            foreach (var (name, value) in ClientPrincipalHeader.Create("aad", "attacker", roles.Length == 0 ? [] : [roles]))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return Json(request, """{"products":["850511"]}""");
        });

    private static IEnumerable<HostileCase> InjectedIds()
    {
        foreach (var id in HostileIds)
        {
            foreach (var (method, path, admin) in OwnerRoutes.Where(r => r.Path.Contains("{id}", StringComparison.Ordinal)))
            {
                yield return new($"{method} {path} with id '{id}'", t => Json(t.AsAttacker(new HttpMethod(method), Fill(path, id), admin), """{"minSeverity":"info"}"""), ServerRefuses: id == "%00");
            }

            yield return new($"GET alerts/{{fingerprint}} with '{id}'", t => t.Keyed(HttpMethod.Get, "alerts/" + id), ServerRefuses: id == "%00");
            yield return new($"GET indices/{{product}} with '{id}'", t => t.Keyed(HttpMethod.Get, "indices/" + id), ServerRefuses: id == "%00");
            yield return new($"GET indices/{{commodity}}/ore with '{id}'", t => t.Keyed(HttpMethod.Get, $"indices/{id}/ore"), ServerRefuses: id == "%00");
        }
    }

    private static IEnumerable<HostileCase> NotYours() =>
        from route in OwnerRoutes.Where(r => !r.Admin && r.Path.Contains("{id}", StringComparison.Ordinal))
        select new HostileCase($"{route.Method} {route.Path} of another owner's subscription", t =>
            Json(t.AsAttacker(new HttpMethod(route.Method), Fill(route.Path, t.VictimId)), """{"minSeverity":"info"}"""));

    private static IEnumerable<HostileCase> Bodies()
    {
        var bodies = new (string Name, Func<byte[]> Body, string? ContentType)[]
        {
            ("a 2 MiB body", () => Encoding.UTF8.GetBytes("{\"channel\":\"email\",\"target\":\"" + new string('a', 2 << 20) + "@example.eu\"}"), "application/json"),
            ("JSON nested 10,000 deep", () => Encoding.UTF8.GetBytes(new string('[', 10000) + new string(']', 10000)), "application/json"),
            ("object nested 200 deep", () => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)), "application/json"),
            ("an array of 100,000 products", () => Encoding.UTF8.GetBytes("{\"products\":[" + string.Join(',', Enumerable.Repeat("\"850511\"", 100_000)) + "]}"), "application/json"),
            ("channel as a number", () => "{\"channel\":5,\"target\":\"a@example.eu\"}"u8.ToArray(), "application/json"),
            ("target as an object", () => "{\"channel\":\"email\",\"target\":{\"$ne\":null}}"u8.ToArray(), "application/json"),
            ("minSeverity unknown", () => "{\"channel\":\"email\",\"target\":\"a@example.eu\",\"minSeverity\":\"apocalyptic\"}"u8.ToArray(), "application/json"),
            ("a target with CR LF (header injection)", () => "{\"channel\":\"email\",\"target\":\"a@example.eu\\r\\nBcc: all@example.eu\"}"u8.ToArray(), "application/json"),
            ("a target with a NUL", () => "{\"channel\":\"email\",\"target\":\"a\\u0000@example.eu\"}"u8.ToArray(), "application/json"),
            ("a target with bidi override", () => "{\"channel\":\"email\",\"target\":\"\\u202Eue.elpmaxe@a\"}"u8.ToArray(), "application/json"),
            ("a Teams target that is not https", () => "{\"channel\":\"teams\",\"target\":\"http://169.254.169.254/metadata\"}"u8.ToArray(), "application/json"),
            ("a Teams target on a private address", () => "{\"channel\":\"teams\",\"target\":\"https://10.0.0.1/hook\"}"u8.ToArray(), "application/json"),
            ("invalid UTF-8", () => [.. "{\"channel\":\"email\",\"target\":\""u8, 0xC3, 0x28, .. "@example.eu\"}"u8], "application/json"),
            ("a number beyond double", () => "{\"channel\":\"email\",\"target\":\"a@example.eu\",\"minSeverity\":1e400}"u8.ToArray(), "application/json"),
            ("an array instead of an object", () => "[]"u8.ToArray(), "application/json"),
            ("a bare string", () => "\"subscribe me\""u8.ToArray(), "application/json"),
            ("null", () => "null"u8.ToArray(), "application/json"),
            ("truncated JSON", () => "{\"channel\":\"email\",\"tar"u8.ToArray(), "application/json"),
            ("JSON with comments and trailing commas", () => "{/*x*/\"channel\":\"email\",}"u8.ToArray(), "application/json"),
            ("text/plain", () => "{\"channel\":\"email\",\"target\":\"a@example.eu\"}"u8.ToArray(), "text/plain"),
            ("XML", () => "<subscription><channel>email</channel></subscription>"u8.ToArray(), "application/xml"),
            ("form data", () => "channel=email&target=a%40example.eu"u8.ToArray(), "application/x-www-form-urlencoded"),
            ("no content type", () => "{\"channel\":\"email\",\"target\":\"a@example.eu\"}"u8.ToArray(), null),
        };
        var routes = new (string Method, string Path, bool Admin)[] { ("POST", "subscriptions", false), ("PATCH", "subscriptions/{own}", false), ("POST", "recalculations", true), ("POST", "silences", false) };
        return from b in bodies
               from r in routes
               select new HostileCase($"{r.Method} {r.Path} with {b.Name}", t =>
                   HostileTarget.WithBody(t.AsAttacker(new HttpMethod(r.Method), r.Path.Replace("{own}", t.AttackersOwnId, StringComparison.Ordinal), r.Admin), b.Body(), b.ContentType));
    }

    private static IEnumerable<HostileCase> Queries() =>
    [
        new("GET alerts with a 6 KiB state", t => t.Keyed(HttpMethod.Get, "alerts?state=" + new string('f', 6 * 1024))),
        new("GET alerts with state injection", t => t.Keyed(HttpMethod.Get, "alerts?state=firing'%20or%20'1'%20eq%20'1")),
        new("GET alerts with state as a number", t => t.Keyed(HttpMethod.Get, "alerts?state=7")),
        new("GET alerts with state of control characters", t => t.Keyed(HttpMethod.Get, "alerts?state=%01%02%7F")),
        new("GET deliveries with a forged continuation", t => t.AsAttacker(HttpMethod.Get, "subscriptions/sub-x/deliveries?continuation=%27%20or%20true")),
        new("GET deliveries with pageSize -1", t => t.AsAttacker(HttpMethod.Get, "subscriptions/sub-x/deliveries?pageSize=-1")),
        new("GET deliveries with pageSize huge", t => t.AsAttacker(HttpMethod.Get, "subscriptions/sub-x/deliveries?pageSize=99999999999999999999")),
        new("GET indices with basis injection", t => t.Keyed(HttpMethod.Get, "indices/850511?basis=weight'%20or%20'1")),
        new("GET indices with window unknown", t => t.Keyed(HttpMethod.Get, "indices/850511?window=decade")),
        new("GET indices with period injection", t => t.Keyed(HttpMethod.Get, "indices/850511?from=2020%27%20or%20%271")),
    ];

    private static IEnumerable<HostileCase> WrongMethods(FunctionManifest manifest)
    {
        var methods = new[] { "GET", "POST", "PUT", "PATCH", "DELETE" };
        foreach (var route in manifest.Http.Select(f => f.Route).Distinct())
        {
            // A method is wrong for the path only if no route at all takes it there (web/subscriptions/x/edit is also web/subscriptions/{id}/{action}).
            var path = Fill(route, "x");
            var allowed = manifest.Http.Where(f => Matches(f.Route, path)).SelectMany(f => f.Methods).Select(m => m.ToUpperInvariant()).ToHashSet();
            foreach (var method in methods.Where(m => !allowed.Contains(m)))
            {
                yield return new($"{method} {route} (not a method of the route)", t => Json(t.AsAttacker(new HttpMethod(method), Fill(route, "x"), admin: true), "{}"));
            }
        }
    }

    private static IEnumerable<HostileCase> Paths() =>
    [
        new("GET an unknown API route", t => t.AsAttacker(HttpMethod.Get, "admin")),
        new("GET a traversal to the settings file", t => t.Raw(HttpMethod.Get, "api/%2e%2e/%2e%2e/local.settings.json")),
        new("GET a traversal to /etc/passwd", t => t.Raw(HttpMethod.Get, "api/subscriptions/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd")),
        new("GET an encoded double slash", t => t.Raw(HttpMethod.Get, "api//subscriptions")),
        new("GET functions admin API", t => t.Raw(HttpMethod.Get, "admin/functions")),
        new("GET runtime keys", t => t.Raw(HttpMethod.Get, "admin/host/keys")),
    ];

    private static IEnumerable<HostileCase> Tokens()
    {
        // The signed links under links/, and their first routes that older mails carry: the same check behind both.
        foreach (var prefix in new[] { "links/subscriptions", "subscriptions" })
        {
            foreach (var verb in new[] { "confirm", "unsubscribe" })
            {
                foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
                {
                    var html = method == HttpMethod.Get;
                    var name = $"{method} {prefix}/{{id}}/{verb}";
                    yield return new($"{name} without a token", t => t.Bare(method, $"{prefix}/{t.VictimId}/{verb}"), html);
                    yield return new($"{name} with a garbage token", t => t.Bare(method, $"{prefix}/{t.VictimId}/{verb}?token=garbage"), html);
                    yield return new($"{name} with a 6 KiB token", t => t.Bare(method, $"{prefix}/{t.VictimId}/{verb}?token={new string('A', 6 * 1024)}"), html);
                    yield return new($"{name} with a 20 KiB token", t => t.Bare(method, $"{prefix}/{t.VictimId}/{verb}?token={new string('A', 20 * 1024)}"), html, ServerRefuses: true);
                    yield return new($"{name} with another subscription's token", t => t.Bare(method, $"{prefix}/{t.VictimId}/{verb}?token={Uri.EscapeDataString(t.OtherConfirmToken)}"), html);
                    yield return new($"{name} with an expired token", t => t.Bare(method, $"{prefix}/{t.VictimId}/{verb}?token={Uri.EscapeDataString(t.ExpiredToken)}"), html);
                    yield return new($"{name} with a token of an id that does not exist", t => t.Bare(method, $"{prefix}/sub-nobody/{verb}?token={Uri.EscapeDataString(t.VictimConfirmToken)}"), html);
                }
            }

            // A confirm token replayed as an unsubscribe (another purpose, same subscription).
            yield return new($"POST {prefix}/{{id}}/unsubscribe with the confirm token", t => t.Bare(HttpMethod.Post, $"{prefix}/{t.VictimId}/unsubscribe?token={Uri.EscapeDataString(t.VictimConfirmToken)}"));

            // A principal, even the victim's own as the platform would set it, stands in for no token.
            foreach (var verb in new[] { "confirm", "unsubscribe" })
            {
                yield return new($"POST {prefix}/{{id}}/{verb} as the victim without a token", t =>
                {
                    var request = HostileTarget.WithBody(t.Bare(HttpMethod.Post, $"{prefix}/{t.VictimId}/{verb}"), "List-Unsubscribe=One-Click"u8.ToArray(), "application/x-www-form-urlencoded");
                    foreach (var (header, value) in ClientPrincipalHeader.Create("aad", "victim", CallerPrincipal.AdminRole))
                    {
                        request.Headers.TryAddWithoutValidation(header, value);
                    }

                    return request;
                });
            }
        }
    }

    private static bool Matches(string template, string path)
    {
        var t = template.Split('/');
        var p = path.Split('/');
        return t.Length == p.Length && t.Zip(p).All(x => x.First.StartsWith('{') || x.First == x.Second);
    }

    private static string Fill(string route, string id) =>
        System.Text.RegularExpressions.Regex.Replace(route, "\\{[^}]+\\}", id);

    private static HttpRequestMessage Header(HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static HttpRequestMessage Json(HttpRequestMessage request, string json) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Delete ? request : HostileTarget.WithBody(request, Encoding.UTF8.GetBytes(json));

    private static Dictionary<string, string> Principal(string encoded) => new()
    {
        [ClientPrincipalHeader.Principal] = encoded,
        [ClientPrincipalHeader.IdentityProvider] = "aad",
        [ClientPrincipalHeader.Id] = "victim",
    };

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
