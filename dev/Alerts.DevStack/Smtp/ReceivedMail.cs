using MimeKit;

namespace Alerts.DevStack.Smtp;

/// <summary>One message accepted by the <see cref="SmtpSink"/>, parsed with MimeKit.</summary>
/// <param name="From">The SMTP envelope sender (MAIL FROM).</param>
/// <param name="To">The SMTP envelope recipients (RCPT TO).</param>
/// <param name="Subject">The decoded Subject header.</param>
/// <param name="TextBody">The text/plain part, if any.</param>
/// <param name="HtmlBody">The text/html part, if any.</param>
/// <param name="Raw">The message exactly as transferred after DATA.</param>
/// <param name="Message">The parsed message, for assertions on headers and parts.</param>
/// <param name="ReceivedAt">When the sink accepted it.</param>
public sealed record ReceivedMail(
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string? TextBody,
    string? HtmlBody,
    byte[] Raw,
    MimeMessage Message,
    DateTimeOffset ReceivedAt);
