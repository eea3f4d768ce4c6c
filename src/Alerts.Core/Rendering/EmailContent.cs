namespace Alerts.Core.Rendering;

/// <summary>A rendered email: subject, plain-text part and HTML part.</summary>
public sealed record EmailContent(string Subject, string TextBody, string HtmlBody);
