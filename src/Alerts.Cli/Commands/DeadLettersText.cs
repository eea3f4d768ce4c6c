using System.Globalization;
using Alerts.Platform.Bus.DeadLetters;

namespace Alerts.Cli.Commands;

/// <summary>The text form of <c>alerts deadletters list</c>: one line per dead letter under its queue's heading.</summary>
internal static class DeadLettersText
{
    public static async Task WriteAsync(TextWriter stdout, DeadLetterQueue queue, IReadOnlyList<DeadLetter> found)
    {
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{queue}: {found.Count} dead letters")).ConfigureAwait(false);
        foreach (var d in found)
        {
            await stdout.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  #{d.SequenceNumber} {d.EnqueuedTime:u} {d.Reason ?? "-"} subscription {d.SubscriptionId ?? "-"} message {d.MessageId}: {d.Description}")).ConfigureAwait(false);
        }
    }
}
