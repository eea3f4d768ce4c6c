namespace Alerts.Deliver.Tests.Notifiers;

/// <summary>A refusal the channel's sink scripts for the next attempt.</summary>
public enum ScriptedFailure
{
    /// <summary>A refusal the channel treats as transient (SMTP 451, HTTP 503 with Retry-After).</summary>
    Transient,

    /// <summary>A refusal the channel treats as final (SMTP 550, HTTP 404).</summary>
    Permanent,
}
