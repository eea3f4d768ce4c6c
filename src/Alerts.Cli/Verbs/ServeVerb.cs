using System.ComponentModel;
using Alerts.Cli.Commands;
using Alerts.Cli.Serve;
using Spectre.Console.Cli;

namespace Alerts.Cli.Verbs;

internal sealed class ServeVerb : AsyncCommand<ServeVerb.Settings>
{
    public const string Description =
        "Host the Functions app's HTTP API and timers on 127.0.0.1 without Core Tools. With no --settings it starts the local stack, "
        + "seeds the demo subscriptions, pulls the sample data once and captures every mail and card for the mailbox page. "
        + "Prints KEY=VALUE settings then 'ready'; Ctrl+C or SIGTERM stops it.";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--settings <FILE>")]
        [Description("A local.settings.json-shaped file ({\"Values\":{...}}): run against those resources instead of the local stack.")]
        public string? SettingsFile { get; init; }

        [CommandOption("--port <PORT>")]
        [Description("Port on 127.0.0.1 (0 = any free port).")]
        [DefaultValue(7071)]
        public int Port { get; init; } = 7071;

        [CommandOption("--capture-dir <DIR>")]
        [Description("Where the local stack writes mails (.eml) and cards (.json). Default: a new temporary folder.")]
        public string? CaptureDirectory { get; init; }

        [CommandOption("--no-sample")]
        [Description("Local stack only: do not seed the demo subscriptions nor pull the sample data at start.")]
        public bool NoSample { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            Port is < 0 or > 65535
                ? Spectre.Console.ValidationResult.Error($"--port {Port} is not a port (0 to 65535)")
                : SettingsFile is not null && (CaptureDirectory is not null || NoSample)
                    ? Spectre.Console.ValidationResult.Error("--capture-dir and --no-sample apply to the local stack only, not with --settings")
                    : Spectre.Console.ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ServeCommand.RunAsync(
            new ServeOptions
            {
                SettingsFile = settings.SettingsFile,
                Port = settings.Port,
                CaptureDirectory = settings.CaptureDirectory,
                Sample = !settings.NoSample,
            },
            Console.Out,
            Console.Error,
            cancellationToken);
}
