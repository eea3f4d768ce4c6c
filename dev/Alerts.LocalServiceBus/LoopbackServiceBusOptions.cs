using Microsoft.Extensions.Logging;

namespace Alerts.LocalServiceBus;

/// <summary>Options for <see cref="LoopbackServiceBus"/>.</summary>
public sealed class LoopbackServiceBusOptions
{
    /// <summary>Topology file in the official emulator's <c>Config.json</c> shape; null = the project's own topology (embedded).</summary>
    public string? TopologyPath { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 = a free port.</summary>
    public int Port { get; set; }

    /// <summary>Clock for lock expiry, scheduled messages and duplicate detection windows.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the broker logs connections, refused links and bad input; null = no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
