using System.Globalization;
using System.Net.Sockets;
using Alerts.Deliver;
using Alerts.Deliver.Charts;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerts.Deliver.Email;

/// <summary>
/// Delivers notifications by SMTP (MailKit), one connection per message. Classifies every failure: SMTP
/// 4xx, refused connections, timeouts and TLS or authentication trouble are retried; SMTP 5xx and invalid
/// addresses are permanent. Outcome details and logs never hold the recipient's local part or the password.
/// </summary>
public sealed partial class EmailNotifier : INotifier
{
    private readonly EmailOptions _options;
    private readonly EmailRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly ILogger<EmailNotifier> _logger;
    private readonly SubscriptionLinks? _links;
    private readonly AlertCharts? _charts;

    /// <param name="links">The unsubscribe links every notification carries (header and footer); the app always
    /// registers them, a notifier built without them (channel tests) sends none.</param>
    /// <param name="charts">The alerts' trend charts, embedded as inline PNG parts; the app always registers them.</param>
    public EmailNotifier(IOptions<EmailOptions> options, EmailRenderer renderer, TimeProvider time, ILogger<EmailNotifier> logger, SubscriptionLinks? links = null, AlertCharts? charts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _renderer = renderer;
        _time = time;
        _logger = logger;
        _links = links;
        _charts = charts;
    }

    public string Channel => Channels.Email;

    public async Task<DeliveryOutcome> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var recipient = SecretRedactor.RedactEmail(notification.Target);
        var outcome = await TrySendAsync(notification, cancellationToken);
        if (outcome.Status == DeliveryStatus.Delivered)
        {
            LogDelivered(notification.NotificationId, recipient, notification.Events.Count);
        }
        else
        {
            LogFailed(notification.NotificationId, recipient, outcome.Status, outcome.Detail);
        }

        return outcome;
    }

    private async Task<DeliveryOutcome> TrySendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var target = notification.Target?.Trim();
        if (!EmailAddresses.IsValid(target) || !MailboxAddress.TryParse(target, out var to))
        {
            return DeliveryOutcome.Permanent("invalid recipient address");
        }

        var charts = _charts is null ? [] : await _charts.ForMailAsync(notification.Events, cancellationToken);
        return await SendMessageAsync(Build(notification, to, charts), cancellationToken);
    }

    /// <summary>
    /// Sends one built message over SMTP and classifies the outcome; also used for the verification mail, so it
    /// gets the same connection, authentication and failure handling.
    /// </summary>
    public async Task<DeliveryOutcome> SendMessageAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, _options.Security, linked.Token);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                {
                    return DeliveryOutcome.Retry($"the SMTP server offers no authentication but {EmailOptions.SectionName}:UserName is set (check {EmailOptions.SectionName}:Security: servers often offer AUTH only after STARTTLS)");
                }

                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, linked.Token);
            }

            var reply = await client.SendAsync(message, linked.Token);
            await client.DisconnectAsync(quit: true, linked.Token);
            return DeliveryOutcome.Delivered("accepted: " + Clip(SecretRedactor.Redact(reply)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (Classify(ex) is { } outcome)
        {
            return outcome;
        }
    }

    private MimeMessage Build(Notification notification, MailboxAddress to, IReadOnlyList<InlineChart> charts)
    {
        var content = _renderer.Render(notification, charts);
        var unsubscribe = _links?.Unsubscribe(notification.SubscriptionId, notification.Target);
        if (unsubscribe is not null)
        {
            content = UnsubscribeFooter.Add(content, unsubscribe);
        }

        var message = new MimeMessage
        {
            Subject = content.Subject,
            Date = _time.GetUtcNow(),
            Body = Body(content, charts),
        };
        message.From.Add(new MailboxAddress(_options.FromName, _options.From.Trim()));
        message.To.Add(to);

        // The same notification always gets the same Message-Id, so mail systems can drop a re-delivery.
        var domain = _options.From.Trim()[(_options.From.Trim().IndexOf('@', StringComparison.Ordinal) + 1)..];
        message.MessageId = notification.NotificationId + "@" + domain;
        message.Headers.Add("X-Alerts-Notification-Id", notification.NotificationId);
        if (unsubscribe is not null)
        {
            ListHeaders.Add(message, unsubscribe, domain);
        }

        return message;
    }

    // multipart/alternative (text, then multipart/related: HTML and the charts it names by Content-ID).
    private static MimeEntity Body(EmailContent content, IReadOnlyList<InlineChart> charts)
    {
        var builder = new BodyBuilder { TextBody = content.TextBody, HtmlBody = content.HtmlBody };
        for (var i = 0; i < charts.Count; i++)
        {
            if (charts[i].ContentId is { } cid && charts[i].Png.Length > 0)
            {
                var part = builder.LinkedResources.Add($"trend-{i + 1}.png", charts[i].Png, new ContentType("image", "png"));
                part.ContentId = cid;
            }
        }

        return builder.ToMessageBody();
    }

    /// <summary>The outcome for a failure, or null for exceptions that are bugs rather than delivery failures.</summary>
    internal DeliveryOutcome? Classify(Exception ex) => ex switch
    {
        SmtpCommandException c when (int)c.StatusCode is >= 400 and < 500 =>
            DeliveryOutcome.Retry(Smtp(c)),
        SmtpCommandException c when (int)c.StatusCode is >= 500 and < 600 =>
            DeliveryOutcome.Permanent(Smtp(c)),
        SmtpCommandException c =>
            DeliveryOutcome.Retry(Smtp(c)),
        SmtpProtocolException p =>
            DeliveryOutcome.Retry("SMTP protocol error: " + Clip(SecretRedactor.Redact(p.Message))),
        AuthenticationException =>
            DeliveryOutcome.Retry($"SMTP authentication failed (check {EmailOptions.SectionName}:UserName and {EmailOptions.SectionName}:Password)"),
        SslHandshakeException =>
            DeliveryOutcome.Retry($"TLS handshake with the SMTP server failed (check {EmailOptions.SectionName}:Security)"),
        SocketException s =>
            DeliveryOutcome.Retry("cannot connect to the SMTP server: " + s.SocketErrorCode),
        OperationCanceledException or TimeoutException =>
            DeliveryOutcome.Retry(string.Create(CultureInfo.InvariantCulture, $"SMTP timed out after {_options.Timeout.TotalSeconds:0.#} s")),
        IOException or ServiceNotConnectedException or ServiceNotAuthenticatedException =>
            DeliveryOutcome.Retry("SMTP connection lost: " + Clip(SecretRedactor.Redact(ex.Message))),
        ParseException =>
            DeliveryOutcome.Permanent("invalid address"),
        _ => null,
    };

    private static string Smtp(SmtpCommandException c) =>
        string.Create(CultureInfo.InvariantCulture, $"SMTP {(int)c.StatusCode} {c.ErrorCode}: {Clip(SecretRedactor.Redact(c.Message))}");

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "...";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Email notification {NotificationId} with {EventCount} events delivered to {Recipient}")]
    private partial void LogDelivered(string notificationId, string recipient, int eventCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Email notification {NotificationId} to {Recipient} failed ({Status}): {Detail}")]
    private partial void LogFailed(string notificationId, string recipient, DeliveryStatus status, string detail);
}
