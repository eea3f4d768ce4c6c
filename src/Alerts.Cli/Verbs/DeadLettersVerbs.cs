using System.ComponentModel;
using Alerts.Cli.Commands;
using Alerts.Platform.Bus.DeadLetters;
using Spectre.Console.Cli;

namespace Alerts.Cli.Verbs;

/// <summary>The options <c>alerts deadletters list|resubmit|purge</c> share: where Service Bus is, which queue, which dead letters.</summary>
internal sealed class DeadLettersSettings : CommandSettings
{
    [CommandOption("--settings <FILE>")]
    [Description("A local.settings.json-shaped file with ServiceBus__ConnectionString (or ServiceBus__FullyQualifiedNamespace). Default: the environment.")]
    public string? SettingsFile { get; init; }

    [CommandOption("--topic <TOPIC>")]
    [Description("breaches or notifications; with --subscription, one queue only (default: every queue).")]
    public string? Topic { get; init; }

    [CommandOption("--subscription <NAME>")]
    [Description("router (breaches), email or teams (notifications).")]
    public string? Subscription { get; init; }

    [CommandOption("--sequence-number <N>")]
    [Description("Only the dead letter of this sequence number (as listed).")]
    public long? SequenceNumber { get; init; }

    [CommandOption("--message-id <ID>")]
    [Description("Only the dead letter of this MessageId.")]
    public string? MessageId { get; init; }

    [CommandOption("--reason <REASON>")]
    [Description("Only dead letters of this reason, e.g. DeliveryFailed.")]
    public string? Reason { get; init; }

    [CommandOption("--subscription-id <ID>")]
    [Description("Only notifications of this alert subscription.")]
    public string? SubscriptionId { get; init; }

    [CommandOption("--max <N>")]
    [Description("Most dead letters per queue.")]
    [DefaultValue(100)]
    public int Max { get; init; } = 100;

    [CommandOption("--json")]
    [Description("Print one JSON array, one object per queue.")]
    public bool Json { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        Max is < 1 or > DeadLetterClient.MaxMessages
            ? Spectre.Console.ValidationResult.Error($"--max {Max} is out of range (1 to {DeadLetterClient.MaxMessages})")
            : (Topic is null) != (Subscription is null)
                ? Spectre.Console.ValidationResult.Error("--topic and --subscription go together (one queue), or are both left out (every queue)")
                : Spectre.Console.ValidationResult.Success();

    public DeadLettersOptions ToOptions(string action) => new()
    {
        Action = action,
        SettingsFile = SettingsFile,
        Topic = Topic,
        Subscription = Subscription,
        Filter = new DeadLetterFilter(SequenceNumber, MessageId, Reason, SubscriptionId),
        Max = Max,
        Json = Json,
    };
}

/// <summary><c>alerts deadletters list</c>.</summary>
internal sealed class DeadLettersListVerb : AsyncCommand<DeadLettersSettings>
{
    public const string Description = "List the dead letters of the Service Bus subscriptions (peeked: nothing changes), without their bodies.";

    public override Task<int> ExecuteAsync(CommandContext context, DeadLettersSettings settings, CancellationToken cancellationToken) =>
        DeadLettersCommand.RunAsync(settings.ToOptions("list"), Console.Out, Console.Error, cancellationToken);
}

/// <summary><c>alerts deadletters resubmit</c>.</summary>
internal sealed class DeadLettersResubmitVerb : AsyncCommand<DeadLettersSettings>
{
    public const string Description = "Send the matching dead letters back to the subscription they died in, with a fresh retry count, and remove them.";

    public override Task<int> ExecuteAsync(CommandContext context, DeadLettersSettings settings, CancellationToken cancellationToken) =>
        DeadLettersCommand.RunAsync(settings.ToOptions("resubmit"), Console.Out, Console.Error, cancellationToken);
}

/// <summary><c>alerts deadletters purge</c>.</summary>
internal sealed class DeadLettersPurgeVerb : AsyncCommand<DeadLettersSettings>
{
    public const string Description = "Remove the matching dead letters for good.";

    public override Task<int> ExecuteAsync(CommandContext context, DeadLettersSettings settings, CancellationToken cancellationToken) =>
        DeadLettersCommand.RunAsync(settings.ToOptions("purge"), Console.Out, Console.Error, cancellationToken);
}
