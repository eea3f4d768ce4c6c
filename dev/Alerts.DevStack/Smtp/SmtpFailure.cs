namespace Alerts.DevStack.Smtp;

/// <summary>A reply the sink gives instead of accepting a message, to exercise a sender's failure handling.</summary>
/// <param name="Code">SMTP reply code: 4xx = transient (retry later), 5xx = permanent.</param>
/// <param name="Text">The reply text.</param>
public sealed record SmtpFailure(int Code, string Text)
{
    /// <summary>451: local error in processing, try again later.</summary>
    public static SmtpFailure Transient { get; } = new(451, "Requested action aborted: local error in processing (simulated)");

    /// <summary>550: mailbox unavailable, do not retry.</summary>
    public static SmtpFailure Permanent { get; } = new(550, "Requested action not taken: mailbox unavailable (simulated)");
}
