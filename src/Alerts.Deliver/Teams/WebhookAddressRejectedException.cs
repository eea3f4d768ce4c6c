namespace Alerts.Deliver.Teams;

/// <summary>The webhook host resolved to an address the policy forbids (private, loopback, ...); the message names no URL.</summary>
public sealed class WebhookAddressRejectedException : IOException
{
    public WebhookAddressRejectedException()
    {
    }

    public WebhookAddressRejectedException(string message)
        : base(message)
    {
    }

    public WebhookAddressRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
