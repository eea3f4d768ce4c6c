using Alerts.DevStack.Azurite;
using Alerts.LocalServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.DevStack;

/// <summary>Options for <see cref="LocalStack"/>.</summary>
public sealed class LocalStackOptions
{
    /// <summary>Which parts to start (default: all).</summary>
    public LocalStackComponents Components { get; set; } = LocalStackComponents.All;

    /// <summary>When set, mail is written there as <c>.eml</c> and webhook posts as <c>.json</c>.</summary>
    public string? CaptureDirectory { get; set; }

    /// <summary>
    /// Folder holding one sub-folder per replay source (<c>comext/</c>, <c>comtrade/</c>), each with a
    /// <c>recordings.json</c>; null = the repository's <c>samples/replay</c>. A missing sub-folder mounts a source with no recordings.
    /// </summary>
    public string? ReplayRoot { get; set; }

    /// <summary>The sender address the app is configured with (<c>Smtp__From</c>).</summary>
    public string SmtpFrom { get; set; } = "alerts@devstack.local";

    /// <summary>Base URL for links in notifications (<c>PublicBaseUrl</c>); the Functions host's default address.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071/");

    /// <summary>Azurite install folder and timeouts.</summary>
    public AzuriteOptions Azurite { get; set; } = new();

    /// <summary>Topology file for the loopback Service Bus (its TimeProvider is replaced by <see cref="TimeProvider"/>).</summary>
    public LoopbackServiceBusOptions ServiceBus { get; set; } = new();

    /// <summary>Clock for the broker's locks and schedules and for the servers' timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; set; }
}
