using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Serve;

/// <summary>Options for <see cref="FunctionsWebHost"/>.</summary>
public sealed class FunctionsWebHostOptions
{
    /// <summary>App settings by their <c>__</c> names (as <c>local.settings.json</c> <c>Values</c>), before environment variables.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; set; } = new Dictionary<string, string?>();

    /// <summary>Environment variables override <see cref="Settings"/>, as app settings do in the Functions host.</summary>
    public bool IncludeEnvironmentVariables { get; set; }

    /// <summary>Port on 127.0.0.1; 0 = a free one.</summary>
    public int Port { get; set; } = 7071;

    /// <summary><c>Development</c> unless <c>AZURE_FUNCTIONS_ENVIRONMENT</c> says otherwise.</summary>
    public string EnvironmentName { get; set; } = Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT") is { Length: > 0 } name ? name : "Development";

    /// <summary>The functions to host; null = the <c>functions.metadata</c> beside this program.</summary>
    public FunctionManifest? Manifest { get; set; }

    /// <summary>Fire the timer functions on their schedules (tests that drive the steps themselves turn it off).</summary>
    public bool RunTimers { get; set; } = true;

    /// <summary>When set, <c>/mailbox/</c> lists the mails and cards captured there.</summary>
    public string? MailboxDirectory { get; set; }

    /// <summary>
    /// In Development only: requests to <c>/api/web</c> that carry no App Service principal are signed in as this user
    /// (identity provider, user id, roles), so the page opens in a plain browser on the local stack. Null = off.
    /// </summary>
    public (string IdentityProvider, string UserId, string[] Roles)? WebSignIn { get; set; }

    /// <summary>The app's clock; null = the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    public Action<ILoggingBuilder>? Logging { get; set; }
}
