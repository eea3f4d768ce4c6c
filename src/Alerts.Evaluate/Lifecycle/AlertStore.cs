using System.Runtime.CompilerServices;
using System.Text.Json;
using Alerts.Compute.Engine;
using Alerts.Compute.Store;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Evaluate.Lifecycle;

/// <summary>
/// The <c>alerts</c> table: one row per alert. PartitionKey = reporter|product (the alerts of one product
/// together), RowKey = fingerprint. Writes are conditional on the ETag read, so two overlapping runs cannot
/// overwrite each other: <see cref="ApplyAsync"/> re-reads and re-applies on a conflict.
/// </summary>
public sealed class AlertStore
{
    /// <summary>Attempts of <see cref="ApplyAsync"/> before a conflict is reported.</summary>
    public const int MaxAttempts = 5;

    private readonly TableClient table;

    public AlertStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.AlertsTable);
    }

    public async Task<Versioned<AlertRecord>?> GetAsync(SeriesKey series, string fingerprint, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition(series), fingerprint, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<AlertRecord>(FromEntity(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>Finds an alert by fingerprint alone (a scan over partitions: for API look-ups, not the pipeline).</summary>
    public async Task<AlertRecord?> FindAsync(string fingerprint, CancellationToken cancellationToken)
    {
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {fingerprint}"), maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return FromEntity(e);
        }

        return null;
    }

    /// <summary>
    /// Writes the record if the stored row still has <paramref name="expected"/> (null = must not exist yet).
    /// </summary>
    /// <exception cref="StorageConflictException">Another writer changed or created the row first.</exception>
    public async Task<ETag> SaveAsync(AlertRecord record, ETag? expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = ToEntity(record);
        try
        {
            var response = expected is { } etag
                ? await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new StorageConflictException($"Alert {record.Fingerprint} ({record.RuleId} on {record.Series}) was changed by another run.", e);
        }
    }

    /// <summary>
    /// Reads the alert, applies <paramref name="apply"/> (e.g. <see cref="AlertLifecycle.Apply(AlertRecord?, SeriesEvaluation, string, DateTimeOffset, string)"/>)
    /// and writes the new record conditionally; on a conflict it re-reads and applies again, so the events
    /// returned are those of the state that was actually stored. Writes nothing when the transition did not
    /// change the record.
    /// </summary>
    /// <exception cref="StorageConflictException">Still conflicting after <see cref="MaxAttempts"/> attempts.</exception>
    public Task<AlertTransition> ApplyAsync(SeriesKey series, string fingerprint, Func<AlertRecord?, AlertTransition> apply, CancellationToken cancellationToken) =>
        ApplyAsync(series, fingerprint, apply, null, cancellationToken);

    /// <summary>As above, running <paramref name="beforeSave"/> on each transition that changes the record before it is saved.</summary>
    public Task<AlertTransition> ApplyAsync(
        SeriesKey series, string fingerprint, Func<AlertRecord?, AlertTransition> apply, Func<AlertTransition, CancellationToken, Task>? beforeSave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apply);
        return OptimisticUpdate.RunAsync<AlertRecord, AlertTransition>(
            c => GetAsync(series, fingerprint, c),
            current => apply(current) is var t && t.Changed ? new(t.Record, t) : new(null, t),
            (record, etag, c) => SaveAsync(record, etag, c),
            cancellationToken,
            beforeSave,
            MaxAttempts);
    }

    /// <summary>All alerts of one reporter and product.</summary>
    public IAsyncEnumerable<AlertRecord> ListBySeriesAsync(string reporter, string product, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Join(reporter, product)}"), cancellationToken);

    /// <summary>All alerts in a state (e.g. every firing alert), across partitions.</summary>
    public IAsyncEnumerable<AlertRecord> ListAsync(AlertStatus state, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"State eq {AlertStatuses.Name(state)}"), cancellationToken);

    /// <summary>Every alert whose series has no data (API state <c>noData</c>), across partitions.</summary>
    public IAsyncEnumerable<AlertRecord> ListNoDataAsync(CancellationToken cancellationToken) =>
        // Rows without the column (never without data, or written before it existed) fail the comparison: not listed.
        QueryAsync(TableClient.CreateQueryFilter($"NoDataAt ge {DateTimeOffset.UnixEpoch}"), cancellationToken);

    /// <summary>Every alert (a scan: the table holds one row per rule and series).</summary>
    public IAsyncEnumerable<AlertRecord> ListAllAsync(CancellationToken cancellationToken) => QueryAsync(null, cancellationToken);

    private async IAsyncEnumerable<AlertRecord> QueryAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(e);
        }
    }

    private static string Partition(SeriesKey series) => TableKeys.Join(series.Reporter, series.Product);

    private static TableEntity ToEntity(AlertRecord r) => new(Partition(r.Series), r.Fingerprint)
    {
        ["RuleId"] = r.RuleId,
        ["Reporter"] = r.Reporter,
        ["Product"] = r.Product,
        ["Source"] = r.Source,
        ["Flow"] = r.Flow.Name(),
        ["Basis"] = r.Basis.Name(),
        ["Metric"] = r.Metric,
        ["Severity"] = r.Severity,
        ["CommodityName"] = r.CommodityName,
        ["State"] = AlertStatuses.Name(r.State),
        ["Period"] = r.Period.ToString(),
        ["Value"] = r.Value,
        ["Threshold"] = r.Threshold,
        ["Vintage"] = r.Vintage,
        ["LastEventId"] = r.LastEventId,
        ["FiredAt"] = r.FiredAt,
        ["ResolvedAt"] = r.ResolvedAt,
        ["AlertedPeriods"] = JsonSerializer.Serialize(
            r.AlertedPeriods.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => new StoredPeriod(p.Value.Value, p.Value.Vintage)),
            StorageJson.Options),
        ["UpdatedAt"] = r.UpdatedAt,
        ["RunId"] = r.RunId,
        ["Since"] = r.Since?.ToString(),
        ["FailedRuns"] = r.FailedRuns,
        ["NoDataAt"] = r.NoDataAt,
        ["LastDataPeriod"] = r.LastDataPeriod?.ToString(),
        ["InhibitedBy"] = r.InhibitedBy is { Count: > 0 } by ? string.Join(',', by) : null,
    };

    private static AlertRecord FromEntity(TableEntity e)
    {
        var stateName = EntityFields.String(e, "State");
        if (!AlertStatuses.TryParse(stateName, out var state))
        {
            throw EntityFields.Bad(e, "State", $"is '{stateName}', not one of {string.Join(", ", Enum.GetValues<AlertStatus>().Select(AlertStatuses.Name))}");
        }

        Dictionary<Period, AlertedPeriod> alerted;
        try
        {
            alerted = (JsonSerializer.Deserialize<Dictionary<string, StoredPeriod>>(EntityFields.String(e, "AlertedPeriods"), StorageJson.Options) ?? [])
                .ToDictionary(p => Period.Parse(p.Key), p => new AlertedPeriod(p.Value.Value, p.Value.Vintage));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw EntityFields.Bad(e, "AlertedPeriods", "is not a JSON map of period to value and vintage", ex);
        }

        return new AlertRecord(
            e.RowKey,
            EntityFields.String(e, "RuleId"),
            EntityFields.String(e, "Reporter"),
            EntityFields.String(e, "Product"),
            TradeColumns.Flow(e, "Flow"),
            TradeColumns.Basis(e, "Basis"),
            EntityFields.String(e, "Metric"),
            EntityFields.String(e, "Severity"),
            EntityFields.String(e, "CommodityName"),
            state,
            TradeColumns.Period(e, "Period"),
            EntityFields.Double(e, "Value"),
            EntityFields.Double(e, "Threshold"),
            EntityFields.String(e, "Vintage"),
            EntityFields.OptionalString(e, "LastEventId"),
            EntityFields.OptionalTime(e, "FiredAt"),
            EntityFields.OptionalTime(e, "ResolvedAt"),
            alerted,
            EntityFields.OptionalTime(e, "UpdatedAt") ?? throw EntityFields.Bad(e, "UpdatedAt", "is missing"),
            EntityFields.String(e, "RunId"),
            // Rows written before pending, recovering and no data existed lack these columns: no streak, no failures, data fine.
            OptionalPeriod(e, "Since"),
            e.GetInt32("FailedRuns") ?? 0,
            EntityFields.OptionalTime(e, "NoDataAt"),
            OptionalPeriod(e, "LastDataPeriod"),
            // Fingerprints are hex: a comma-separated list; absent in rows written before inhibition (not inhibited).
            EntityFields.OptionalString(e, "InhibitedBy") is { Length: > 0 } by ? by.Split(',') : null)
        {
            // Rows written before sources were told apart have no Source column: Comext's.
            Source = EntityFields.OptionalString(e, "Source") ?? SeriesKey.DefaultSource,
        };
    }

    private static Period? OptionalPeriod(TableEntity e, string name) =>
        EntityFields.OptionalString(e, name) is not null ? TradeColumns.Period(e, name) : null;

    private sealed record StoredPeriod(double Value, string Vintage);
}
