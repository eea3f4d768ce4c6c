using Alerts.Cli.Verbs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Alerts.Cli;

/// <summary>
/// <c>alerts &lt;command&gt;</c> on Spectre.Console.Cli: <c>--help</c> everywhere, descriptions, defaults and examples.
/// Usage errors go to standard error with exit code 2; an unknown option is named with the closest known one.
/// </summary>
public static class CommandLine
{
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("alerts");
            config.ConfigureConsole(ConsoleOn(stdout));
            config.PropagateExceptions();
            config.UseStrictParsing(); // an unknown option is an error, not a remaining argument
            config.TrimTrailingPeriods(false);
            config.AddCommand<ServeVerb>("serve").WithDescription(ServeVerb.Description)
                .WithExample("serve")
                .WithExample("serve", "--no-sample", "--port", "0")
                .WithExample("serve", "--settings", "local.settings.json");
            config.AddCommand<DemoVerb>("demo").WithDescription(DemoVerb.Description)
                .WithExample("demo")
                .WithExample("demo", "--json");
            config.AddCommand<DevStackVerb>("devstack").WithDescription(DevStackVerb.Description)
                .WithExample("devstack", "--capture-dir", "./captured");
            config.AddCommand<IndicesVerb>("indices").WithDescription(IndicesVerb.Description)
                .WithExample("indices", "--input", "samples/comext/850511.json")
                .WithExample("indices", "--input", "data.csv", "--format", "csv", "--window", "rolling12")
                .WithExample("indices", "--input", "graphite.json", "--commodity", "graphite/ore", "--format", "json");
            config.AddCommand<PullVerb>("pull").WithDescription(PullVerb.Description)
                .WithExample("pull", "--source", "comext", "--product", "850511", "--from", "2022", "--to", "2024", "--out", "850511.csv");
            config.AddBranch("deadletters", branch =>
            {
                branch.SetDescription("List, resubmit or purge the dead letters of the Service Bus subscriptions (breaches/router, notifications/email, notifications/teams).");
                branch.AddCommand<DeadLettersListVerb>("list").WithDescription(DeadLettersListVerb.Description)
                    .WithExample("deadletters", "list", "--settings", "local.settings.json")
                    .WithExample("deadletters", "list", "--topic", "notifications", "--subscription", "email", "--json");
                branch.AddCommand<DeadLettersResubmitVerb>("resubmit").WithDescription(DeadLettersResubmitVerb.Description)
                    .WithExample("deadletters", "resubmit", "--topic", "notifications", "--subscription", "teams", "--sequence-number", "42")
                    .WithExample("deadletters", "resubmit", "--reason", "SubscriptionPaused", "--subscription-id", "sub-1");
                branch.AddCommand<DeadLettersPurgeVerb>("purge").WithDescription(DeadLettersPurgeVerb.Description)
                    .WithExample("deadletters", "purge", "--topic", "breaches", "--subscription", "router", "--reason", "MalformedMessage");
            });
        });

        if (OptionSuggestions.MissingValue(args) is { } option)
        {
            await stderr.WriteLineAsync($"alerts {args[0]}: option '{option}' needs a value").ConfigureAwait(false);
            await stderr.WriteLineAsync($"Run 'alerts {args[0]} --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            return await app.RunAsync(args, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandParseException e)
        {
            return await UsageAsync(args, e, stderr).ConfigureAwait(false);
        }
        catch (CommandRuntimeException e)
        {
            return await UsageAsync(args, e, stderr).ConfigureAwait(false);
        }
    }

    private static async Task<int> UsageAsync(string[] args, CommandAppException e, TextWriter stderr)
    {
        var command = args.Length > 0 && OptionSuggestions.IsCommand(args[0]) ? args[0] : null;
        var message = e.Message.TrimEnd('.');
        var suggestion = OptionSuggestions.For(command, args, e.Message);
        await stderr.WriteLineAsync($"alerts{(command is null ? "" : " " + command)}: {message}{suggestion}").ConfigureAwait(false);
        if (e.Pretty is { } pretty)
        {
            ConsoleOn(stderr).Write(pretty);
        }

        await stderr.WriteLineAsync($"Run 'alerts {(command is null ? "" : command + " ")}--help' for usage.").ConfigureAwait(false);
        return UsageError;
    }

    private static bool IsTerminal(TextWriter writer) =>
        (writer == System.Console.Out && !System.Console.IsOutputRedirected) || (writer == System.Console.Error && !System.Console.IsErrorRedirected);

    private static IAnsiConsole ConsoleOn(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Interactive = InteractionSupport.No,

        // Colours only on a terminal: help piped to a file or a pager stays plain text.
        Ansi = IsTerminal(writer) ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = IsTerminal(writer) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
    });
}
