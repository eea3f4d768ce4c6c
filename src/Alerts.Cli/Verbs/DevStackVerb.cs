using System.ComponentModel;
using Alerts.Cli.Commands;
using Spectre.Console.Cli;

namespace Alerts.Cli.Verbs;

internal sealed class DevStackVerb : AsyncCommand<DevStackVerb.Settings>
{
    public const string Description =
        "Start the local stack (Azurite, loopback Service Bus, SMTP server, webhook listener, replay server), print KEY=VALUE "
        + "settings then 'ready', and run until Ctrl+C or SIGTERM.";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--capture-dir <DIR>")]
        [Description("Write received mail there as .eml and webhook posts as .json. Default: not written.")]
        public string? CaptureDirectory { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        DevStackCommand.RunAsync(new ForwardedArguments().Add("capture-dir", settings.CaptureDirectory).ToArray(), cancellationToken);
}
