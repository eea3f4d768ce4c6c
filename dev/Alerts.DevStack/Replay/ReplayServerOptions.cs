using Microsoft.Extensions.Logging;

namespace Alerts.DevStack.Replay;

/// <summary>Options for <see cref="ReplayServer"/>.</summary>
public sealed class ReplayServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 = a free port.</summary>
    public int Port { get; set; }

    /// <summary>The sources to mount, each under its own prefix.</summary>
    public IList<ReplaySource> Sources { get; } = [];

    /// <summary>Stamps requests and runs injected delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; set; }
}
