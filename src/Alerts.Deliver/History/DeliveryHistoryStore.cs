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
/// notification's history is one query), RowKey = attempt time in ticks + channel, so rows sort by time. Each attempt
/// is copied into its subscription's partition (newest first), where the subscription's own steps are written too
/// (column <c>Kind</c>; rows without it are deliveries), so its history is one paged query.
/// </summary>
public sealed class DeliveryHistoryStore : ISubscriptionJournal
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
                if (attempt.AlertIds is { Count: > 0 } alerts)
                {
                    entity["AlertIds"] = string.Join(',', alerts);
                }

                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);

                // A pending mark (written before a send) stays in the notification's partition: the subscription's history
                // shows outcomes, and paging it must not count marks the owner never sees.
                if (attempt.SubscriptionId is { Length: > 0 } subscriptionId && attempt.Outcome != DeliveryStatus.Pending)
                {
                    // The same attempt again in the subscription's own partition, newest first, so its history is one
                    // paged query rather than a scan of every notification's.
                    entity.PartitionKey = BySubscription(subscriptionId);
                    entity.RowKey = TableKeys.Join((long.MaxValue - attempt.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture), attempt.NotificationId, n.ToString(CultureInfo.InvariantCulture));
                    await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status == 409 && n < 10)
            {
            }
        }
    }

    /// <summary>Records one of a subscription's own steps in its history (after any delivery at the same instant).</summary>
    public async Task RecordAsync(SubscriptionStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentException.ThrowIfNullOrWhiteSpace(step.SubscriptionId);
        var entity = new TableEntity(
            BySubscription(step.SubscriptionId),
            TableKeys.Join((long.MaxValue - step.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture), "~step", step.Kind))
        {
            ["Kind"] = step.Kind,
            ["SubscriptionId"] = step.SubscriptionId,
            ["Channel"] = step.Channel,
            ["Detail"] = step.Detail is { Length: > MaxDetailLength } d ? d[..MaxDetailLength] : step.Detail,
            ["At"] = step.At,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of a subscription's history (attempts and steps), newest first; <paramref name="continuation"/> is the previous page's
    /// <see cref="DeliveryHistoryPage.Continuation"/> (null for the first).
    /// </summary>
    /// <exception cref="FormatException">The continuation token is not one this store issued.</exception>
    public async Task<DeliveryHistoryPage> ListBySubscriptionAsync(string subscriptionId, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BySubscription(subscriptionId)}");
        var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(DeliveryHistoryPage.Decode(continuation), pageSize);
        try
        {
            await foreach (var page in pages.ConfigureAwait(false))
            {
                return new DeliveryHistoryPage(page.Values.Select(ToEntry).ToList(), DeliveryHistoryPage.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            throw new FormatException("The continuation token is not valid.", e);
        }

        return new DeliveryHistoryPage([], null);
    }

    /// <summary>The attempts for one notification, oldest first.</summary>
    public async IAsyncEnumerable<DeliveryAttempt> ListAsync(string notificationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(notificationId)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return ToAttempt(e);
        }
    }

    // Apart from every notification id's partition: ids are escaped, and an escaped value never holds the '|' Join puts here.
    private static string BySubscription(string subscriptionId) => TableKeys.Join("subscription", subscriptionId);

    private static HistoryEntry ToEntry(TableEntity e) => EntityFields.OptionalString(e, "Kind") is { Length: > 0 } kind
        ? new HistoryEntry(null, new SubscriptionStep(
            EntityFields.String(e, "SubscriptionId"),
            EntityFields.String(e, "Channel"),
            kind,
            EntityFields.OptionalTime(e, "At") ?? throw EntityFields.Bad(e, "At", "is missing"),
            EntityFields.OptionalString(e, "Detail")))
        : new HistoryEntry(ToAttempt(e), null);

    private static DeliveryAttempt ToAttempt(TableEntity e)
    {
        var outcome = Enum.TryParse<DeliveryStatus>(EntityFields.String(e, "Outcome"), out var o)
            ? o
            : throw EntityFields.Bad(e, "Outcome", "is not a delivery status");
        return new DeliveryAttempt(
            EntityFields.String(e, "NotificationId"),
            EntityFields.String(e, "Channel"),
            outcome,
            EntityFields.String(e, "Detail"),
            EntityFields.OptionalTime(e, "At") ?? throw EntityFields.Bad(e, "At", "is missing"),
            e.GetInt32("Attempt") ?? 1,
            EntityFields.OptionalString(e, "SubscriptionId"),
            EntityFields.OptionalString(e, "AlertIds") is { Length: > 0 } ids ? ids.Split(',') : null);
    }
}

/// <summary>One delivery attempt of a notification.</summary>
/// <param name="Detail">What happened; already redacted (never a target or secret).</param>
/// <param name="Attempt">1 for the first attempt, counting scheduled retries.</param>
/// <param name="AlertIds">The event ids the notification carried.</param>
public sealed record DeliveryAttempt(
    string NotificationId,
    string Channel,
    DeliveryStatus Outcome,
    string Detail,
    DateTimeOffset At,
    int Attempt = 1,
    string? SubscriptionId = null,
    IReadOnlyList<string>? AlertIds = null);
