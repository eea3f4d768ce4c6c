using System.ComponentModel;
using Alerts.Cli.Commands;
using Spectre.Console.Cli;

namespace Alerts.Cli.Verbs;

internal sealed class DemoVerb : AsyncCommand<DemoVerb.Settings>
{
    public const string Description =
        "Start the local stack, run one full cycle on the bundled sample data (pull, compute, evaluate, publish, route, deliver), "
        + "print the indices, breaches and deliveries, and stop. Mails and cards are kept in a folder it prints.";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--json")]
        [Description("Print one JSON object ({\"breaches\":[[...]], \"deliveries\":{\"email\":N,\"teams\":N}, ...}) instead of tables.")]
        public bool Json { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        DemoCommand.RunAsync(new ForwardedArguments().Flag("json", settings.Json).ToArray(), Console.Out, Console.Error, cancellationToken);
}
