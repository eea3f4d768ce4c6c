using System.Buffers;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Alerts.DevStack.Smtp;

/// <summary>Receives each message after DATA: answers a queued failure, or parses, records and captures it.</summary>
internal sealed class SinkMessageStore(
    ReceivedLog<ReceivedMail> received,
    CaptureDirectory? capture,
    TimeProvider timeProvider,
    ILogger logger) : MessageStore
{
    private readonly Lock _gate = new();
    private readonly Queue<SmtpFailure> _failures = new();

    public void Enqueue(SmtpFailure failure, int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(failure);
            }
        }
    }

    public void ClearFailures()
    {
        lock (_gate)
        {
            _failures.Clear();
        }
    }

    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context,
        IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_failures.TryDequeue(out var failure))
            {
                logger.LogInformation("SMTP sink answering {Code} (simulated failure)", failure.Code);
                return new SmtpResponse((SmtpReplyCode)failure.Code, failure.Text);
            }
        }

        var raw = buffer.ToArray();
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException exception)
        {
            logger.LogWarning(exception, "SMTP sink rejected a message it could not parse");
            return new SmtpResponse(SmtpReplyCode.TransactionFailed, "Message could not be parsed as MIME");
        }

        var receivedAt = timeProvider.GetUtcNow();
        var mail = new ReceivedMail(
            Address(transaction.From),
            transaction.To.Select(Address).ToArray(),
            message.Subject ?? string.Empty,
            message.TextBody,
            message.HtmlBody,
            raw,
            message,
            receivedAt);

        // Captured before it is visible in the log, so a test that saw the mail also finds the file.
        if (capture is not null)
        {
            await capture.WriteAsync("mail", ".eml", receivedAt, raw, cancellationToken).ConfigureAwait(false);
        }

        received.Add(mail);
        logger.LogDebug("SMTP sink accepted a message for {RecipientCount} recipient(s)", mail.To.Count);
        return SmtpResponse.Ok;
    }

    private static string Address(IMailbox mailbox) =>
        string.IsNullOrEmpty(mailbox.Host) ? mailbox.User : $"{mailbox.User}@{mailbox.Host}";
}
