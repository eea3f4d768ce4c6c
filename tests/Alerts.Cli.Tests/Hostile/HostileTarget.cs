using System.Net.Http.Headers;
using Alerts.Cli.Serve;
using Alerts.Functions.Http.Identity;

namespace Alerts.Cli.Tests.Hostile;

/// <summary>
/// The served host under attack and what the attacker may know: the function key (an insider), a victim's
/// subscription id and the tokens of the victim's mails.
/// </summary>
internal sealed class HostileTarget(FunctionsWebHost host, string victimId, string attackersOwnId, string victimConfirmToken, string otherConfirmToken, string expiredToken)
{
    /// <summary>The attacker's own subscription: requests on it get past ownership to the body's validation.</summary>
    public string AttackersOwnId => attackersOwnId;

    public string VictimId => victimId;

    /// <summary>A confirm token of the victim's subscription (valid, but presented where it does not belong).</summary>
    public string VictimConfirmToken => victimConfirmToken;

    /// <summary>A valid confirm token of another subscription.</summary>
    public string OtherConfirmToken => otherConfirmToken;

    /// <summary>A correctly signed token of the victim's subscription that has expired.</summary>
    public string ExpiredToken => expiredToken;

    /// <summary>A request to <c>/api/{pathAndQuery}</c> with no key and no identity.</summary>
    public HttpRequestMessage Bare(HttpMethod method, string pathAndQuery) => new(method, new Uri(host.ApiBaseUrl + pathAndQuery));

    /// <summary>A request to any path of the host (outside <c>/api</c> too), as written.</summary>
    public HttpRequestMessage Raw(HttpMethod method, string pathAndQuery) => new(method, new Uri(host.BaseUrl + pathAndQuery.TrimStart('/')));

    /// <summary>With the function key only.</summary>
    public HttpRequestMessage Keyed(HttpMethod method, string pathAndQuery)
    {
        var request = Bare(method, pathAndQuery);
        request.Headers.TryAddWithoutValidation(FunctionKeys.HeaderName, host.Keys.FunctionKey);
        return request;
    }

    /// <summary>With the function key and the attacker's own, valid identity (an admin when <paramref name="admin"/>).</summary>
    public HttpRequestMessage AsAttacker(HttpMethod method, string pathAndQuery, bool admin = false)
    {
        var request = Keyed(method, pathAndQuery);
        foreach (var (name, value) in ClientPrincipalHeader.Create("aad", "attacker", admin ? [CallerPrincipal.AdminRole] : []))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public static HttpRequestMessage WithBody(HttpRequestMessage request, byte[] body, string? contentType = "application/json")
    {
        request.Content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }
}
