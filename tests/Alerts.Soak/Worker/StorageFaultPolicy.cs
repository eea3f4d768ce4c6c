using System.Text;
using Alerts.Platform.Storage;
using Alerts.Soak.Faults;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Alerts.Soak.Worker;

/// <summary>
/// Fails the worker's storage requests by the seeded dice, before the SDK's retry policy (so the app sees them):
/// an error before the request leaves, a timeout, or a connection lost after Azurite processed the request (the write
/// happened, the app does not know). Separately, the outcome record of a delivery (the <c>deliveries</c> insert after a
/// send) is failed before it leaves at its own rate: a lost outcome, the window the delivery guarantee names.
/// </summary>
public sealed class StorageFaultPolicy(FaultDice dice, double rate, double outcomeRate) : HttpPipelinePolicy
{
    private long injected;

    /// <summary>Off while the worker starts, so a fault cannot stop it before it runs.</summary>
    public bool Enabled { get; set; }

    public long Injected => Interlocked.Read(ref injected);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Enabled && outcomeRate > 0 && await IsOutcomeRecordAsync(message) && dice.Next() < outcomeRate)
        {
            Interlocked.Increment(ref injected);
            throw new RequestFailedException(503, "soak: the outcome record failed between send and record (injected)");
        }

        var x = Enabled ? dice.Next() : 1;
        if (x >= rate)
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        Interlocked.Increment(ref injected);
        switch ((int)(x / rate * 3))
        {
            case 0:
                throw new RequestFailedException(503, "soak: storage answered 503 Server Busy (injected)");
            case 1:
                await Task.Delay(TimeSpan.FromMilliseconds(300), message.CancellationToken);
                throw new TaskCanceledException("soak: the storage request exceeded its timeout (injected)");
            default:
                await ProcessNextAsync(message, pipeline);
                throw new RequestFailedException(0, "soak: the connection was lost after the request was sent (injected)", new IOException("connection reset (injected)"));
        }
    }

    // An insert into the deliveries table carrying an outcome (not the Pending mark written before the send).
    private static async ValueTask<bool> IsOutcomeRecordAsync(HttpMessage message)
    {
        var request = message.Request;
        if (request.Method != RequestMethod.Post || request.Content is null
            || !request.Uri.Path.EndsWith("/" + StorageNames.DeliveriesTable, StringComparison.Ordinal))
        {
            return false;
        }

        using var buffer = new MemoryStream();
        await request.Content.WriteToAsync(buffer, message.CancellationToken);
        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return body.Contains("\"Outcome\":", StringComparison.Ordinal) && !body.Contains("\"Outcome\":\"Pending\"", StringComparison.Ordinal);
    }
}
