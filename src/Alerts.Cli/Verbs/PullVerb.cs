using System.ComponentModel;
using Alerts.Cli.Commands;
using Spectre.Console.Cli;

namespace Alerts.Cli.Verbs;

internal sealed class PullVerb : AsyncCommand<PullVerb.Settings>
{
    public const string Description =
        "Fetch live trade data through the real Comext or Comtrade client and write it as SDMX-CSV (Comext) or Comtrade JSON, "
        + "readable by 'alerts indices'. The Comtrade key comes from Sources__Comtrade__SubscriptionKey.";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--source <SOURCE>")]
        [Description("comext or comtrade. Required.")]
        public string? Source { get; init; }

        [CommandOption("--product <CODES>")]
        [Description("HS/CN product codes, comma-separated. Required.")]
        public string? Product { get; init; }

        [CommandOption("--from <PERIOD>")]
        [Description("First period, YYYY or YYYY-MM. Required.")]
        public string? From { get; init; }

        [CommandOption("--to <PERIOD>")]
        [Description("Last period, YYYY or YYYY-MM (same kind as --from). Required.")]
        public string? To { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write; written whole or not at all. Required.")]
        public string? Out { get; init; }

        [CommandOption("--base-url <URL>")]
        [Description("Another endpoint for the source (e.g. a replay server). Default: the source's public API.")]
        public string? BaseUrl { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        PullCommand.RunAsync(
            new ForwardedArguments()
                .Add("source", settings.Source).Add("product", settings.Product).Add("from", settings.From)
                .Add("to", settings.To).Add("out", settings.Out).Add("base-url", settings.BaseUrl)
                .ToArray(),
            Console.Out,
            Console.Error,
            cancellationToken);
}
