namespace Alerts.Functions.Http.Identity;

/// <summary>
/// How callers are authenticated. <c>WEBSITE_AUTH_ENABLED=true</c> (set by App Service when its authentication is on)
/// trusts the principal headers the platform writes; section <c>Auth:Bearer</c> (<c>Auth__Bearer__Issuer</c>,
/// <c>Auth__Bearer__Audience</c>) validates an <c>Authorization: Bearer</c> token instead. Outside Development one of
/// them is required (see <see cref="CallerAuthenticationValidator"/>); in Development the headers are trusted as the
/// platform would set them.
/// </summary>
public sealed class CallerAuthenticationOptions
{
    public const string Section = "Auth";
    public const string AppServiceAuthenticationSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>From <c>WEBSITE_AUTH_ENABLED</c>.</summary>
    public bool AppServiceAuthentication { get; set; }

    public BearerOptions Bearer { get; set; } = new();

    public bool BearerConfigured => !string.IsNullOrWhiteSpace(Bearer.Issuer) && !string.IsNullOrWhiteSpace(Bearer.Audience);

    /// <summary>Bearer-token validation: tokens must come from <see cref="Issuer"/> for <see cref="Audience"/>, signed with the issuer's published keys.</summary>
    public sealed class BearerOptions
    {
        /// <summary>e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
        public string? Issuer { get; set; }

        /// <summary>e.g. <c>api://{client id}</c> or the client id.</summary>
        public string? Audience { get; set; }

        /// <summary>Where the signing keys are published; default <c>{Issuer}/.well-known/openid-configuration</c>.</summary>
        public string? MetadataAddress { get; set; }

        /// <summary>The identity provider the owner key names for bearer callers: <c>aad</c>, as App Service authentication calls Entra ID, so a caller owns the same data either way.</summary>
        public string IdentityProvider { get; set; } = "aad";
    }
}
