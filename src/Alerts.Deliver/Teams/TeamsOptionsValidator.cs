using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Teams;

/// <summary>Startup check of <see cref="TeamsOptions"/>, naming the setting.</summary>
/// <param name="environment">The host's environment; outside Development, webhooks to loopback are refused whatever the
/// settings say. Hosts always register one; only in-process compositions (the CLI's demo pipeline, tests) have none and
/// count as Development, as in <c>SubscriptionTokenOptionsValidator</c>.</param>
public sealed class TeamsOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<TeamsOptions>
{
    private const string S = TeamsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        for (var i = 0; i < options.AllowedHosts.Count; i++)
        {
            var host = options.AllowedHosts[i]?.Trim() ?? string.Empty;
            var bare = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            if (bare.Length == 0 || bare.Contains('*', StringComparison.Ordinal) || Uri.CheckHostName(bare) == UriHostNameType.Unknown)
            {
                errors.Add($"{S}:AllowedHosts:{i} '{host}' is not a host name or a '*.' wildcard of one");
            }
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{S}:Timeout must be between 00:00:01 and 00:05:00");
        }

        if (options.DefaultRetryAfter < TimeSpan.Zero || options.DefaultRetryAfter > TimeSpan.FromHours(1))
        {
            errors.Add($"{S}:DefaultRetryAfter must be between 00:00:00 and 01:00:00");
        }

        if (options.AllowInsecureLoopback && environment is not null && !environment.IsDevelopment())
        {
            errors.Add($"{S}:AllowInsecureLoopback may be true only in the Development environment (this is '{environment.EnvironmentName}'): it lets webhooks reach loopback addresses over plain HTTP (set AZURE_FUNCTIONS_ENVIRONMENT=Development for local runs)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
