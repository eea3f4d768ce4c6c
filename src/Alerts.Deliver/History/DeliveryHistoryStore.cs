using System.Globalization;
using System.Runtime.CompilerServices;
using Alerts.Compute.Store;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Secrets;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Deliver.History;

/// <summary>
/// The <c>deliveries</c> table: one row per delivery attempt. PartitionKey = notification id (a
/// notification's history is one query), RowKey = attempt time in ticks + channel, so rows sort by time.
/// </summary>
public sealed class DeliveryHistoryStore
{
    /// <summary>Details longer than this are cut, so one verbose error cannot fail the write.</summary>
    public const int MaxDetailLength = 4000;

    private readonly TableClient table;

    public DeliveryHistoryStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.DeliveriesTable);
    }

    /// <summary>Records one attempt. <see cref="DeliveryAttempt.Detail"/> must already be redacted.</summary>
    public async Task RecordAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentException.ThrowIfNullOrWhiteSpace(attempt.NotificationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(attempt.Channel);
        var detail = attempt.Detail.Length <= MaxDetailLength ? attempt.Detail : attempt.Detail[..MaxDetailLength];
        var baseKey = TableKeys.Join(attempt.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture), attempt.Channel);
        for (var n = 0; ; n++)
        {
            // Two attempts in the same tick get distinct keys rather than overwriting each other.
            var entity = new TableEntity(TableKeys.Escape(attempt.NotificationId), n == 0 ? baseKey : $"{baseKey}|{n}")
            {
                ["NotificationId"] = attempt.NotificationId,
                ["SubscriptionId"] = attempt.SubscriptionId,
                ["Channel"] = attempt.Channel,
                ["Outcome"] = attempt.Outcome.ToString(),
                ["Detail"] = detail,
                ["At"] = attempt.At,
                ["Attempt"] = attempt.Attempt,
            };
            try
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 409 && n < 10)
            {
            }
        }
    }

    /// <summary>The attempts for one notification, oldest first.</summary>
    public async IAsyncEnumerable<DeliveryAttempt> ListAsync(string notificationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(notificationId)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var outcome = Enum.TryParse<DeliveryStatus>(EntityFields.String(e, "Outcome"), out var o)
                ? o
                : throw EntityFields.Bad(e, "Outcome", "is not a delivery status");
            yield return new DeliveryAttempt(
                EntityFields.String(e, "NotificationId"),
                EntityFields.String(e, "Channel"),
                outcome,
                EntityFields.String(e, "Detail"),
                EntityFields.OptionalTime(e, "At") ?? throw EntityFields.Bad(e, "At", "is missing"),
                e.GetInt32("Attempt") ?? 1,
                EntityFields.OptionalString(e, "SubscriptionId"));
        }
    }
}

/// <summary>One delivery attempt of a notification.</summary>
/// <param name="Detail">What happened; already redacted (never a target or secret).</param>
/// <param name="Attempt">1 for the first attempt, counting scheduled retries.</param>
public sealed record DeliveryAttempt(
    string NotificationId,
    string Channel,
    DeliveryStatus Outcome,
    string Detail,
    DateTimeOffset At,
    int Attempt = 1,
    string? SubscriptionId = null);
