using Alerts.Route.Subscriptions;

namespace Alerts.Deliver.Rendering;

/// <summary>
/// The links a message carries back to the app, under <see cref="RenderingOptions.PublicBaseUrl"/>: the signed
/// confirm and one-click unsubscribe links under <c>/api/links/</c> (anonymous routes: their holder has no function key
/// and maybe no sign-in, so App Service authentication excludes that prefix) and the subscription's page for its owner.
/// </summary>
public sealed class SubscriptionLinks(RenderingOptions rendering, SubscriptionTokens tokens)
{
    /// <summary>The one-click unsubscribe URL of <c>List-Unsubscribe</c> and the footer; it never expires.</summary>
    public Uri Unsubscribe(string subscriptionId, string target) =>
        Link(subscriptionId, "unsubscribe", tokens.Issue(TokenPurpose.Unsubscribe, subscriptionId, target));

    /// <summary>The verification mail's link to the confirm page.</summary>
    public Uri Confirm(string subscriptionId, string token) => Link(subscriptionId, "confirm", token);

    /// <summary>Where the owner manages the subscription: its page on the web page (<c>/api/web/subscriptions/{id}/edit</c>,
    /// signed in as the owner; anyone else is told there is no such subscription). The API resource needs a function key.</summary>
    public Uri Manage(string subscriptionId) => Manage(rendering, subscriptionId);

    /// <summary>As <see cref="Manage(string)"/>, for renderers that sign nothing (the Teams card's footer).</summary>
    public static Uri Manage(RenderingOptions rendering, string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        ArgumentNullException.ThrowIfNull(subscriptionId);
        return new($"{rendering.PublicBaseUrl.TrimEnd('/')}/api/web/subscriptions/{Uri.EscapeDataString(subscriptionId)}/edit");
    }

    private Uri Link(string subscriptionId, string action, string token) =>
        new($"{rendering.PublicBaseUrl.TrimEnd('/')}/api/links/subscriptions/{Uri.EscapeDataString(subscriptionId)}/{action}?token={Uri.EscapeDataString(token)}");
}
