using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Alerts.Functions.Http.Identity;

/// <summary>
/// Validates <c>Authorization: Bearer</c> tokens against the configured issuer and audience, with the signing keys
/// the issuer publishes (fetched once, refreshed by the configuration manager), and turns a valid one into a principal:
/// user id from <c>oid</c> (else <c>sub</c>), roles from <c>roles</c>.
/// </summary>
public sealed partial class BearerTokenValidator
{
    private readonly CallerAuthenticationOptions.BearerOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<BearerTokenValidator> _logger;

    public BearerTokenValidator(IOptions<CallerAuthenticationOptions> options, ILogger<BearerTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Bearer;
        _logger = logger;
        var address = _options.MetadataAddress is { Length: > 0 } configured
            ? configured
            : $"{_options.Issuer?.TrimEnd('/')}/.well-known/openid-configuration";
        // HTTPS is required except on loopback, where a local issuer (tests, a developer's own) serves plain HTTP.
        var loopback = Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = !loopback });
    }

    public async Task<CallerPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            LogMetadataUnavailable(_logger, e, _options.Issuer);
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            // The reason only: never the token.
            LogRejected(_logger, result.Exception?.GetType().Name);
            return null;
        }

        var claims = result.ClaimsIdentity.Claims.ToList();
        var userId = claims.FirstOrDefault(c => c.Type is "oid" or "http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value
            ?? claims.FirstOrDefault(c => c.Type is "sub" or System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (userId is not { Length: > 0 and <= 128 })
        {
            return null;
        }

        var roles = claims.Where(c => c.Type is "roles" or System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return new CallerPrincipal(_options.IdentityProvider, userId, roles);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bearer token rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The signing keys of issuer {Issuer} could not be fetched")]
    private static partial void LogMetadataUnavailable(ILogger logger, Exception exception, string? issuer);
}
