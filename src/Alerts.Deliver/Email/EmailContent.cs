using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;

namespace Alerts.Deliver.Email;

/// <summary>A rendered email: subject, plain-text part and HTML part.</summary>
public sealed record EmailContent(string Subject, string TextBody, string HtmlBody);
