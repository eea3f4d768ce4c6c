using Microsoft.Extensions.Logging;

namespace Alerts.DevStack.Smtp;

/// <summary>Options for <see cref="SmtpSink"/>.</summary>
public sealed class SmtpSinkOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 = a free port.</summary>
    public int Port { get; set; }

    /// <summary>When set, each accepted message is also written there as an <c>.eml</c> file.</summary>
    public string? CaptureDirectory { get; set; }

    /// <summary>Stamps <see cref="ReceivedMail.ReceivedAt"/> and capture file names.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; set; }
}
