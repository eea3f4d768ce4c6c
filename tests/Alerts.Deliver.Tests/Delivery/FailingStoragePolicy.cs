using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Alerts.Deliver.Tests.Delivery;

/// <summary>
/// Fails chosen requests of a real storage client (an Azure SDK pipeline policy): the <c>n</c>-th insert (POST) into
/// one table answers 503 without reaching Azurite, so a fault lands at an exact point of the code under test.
/// </summary>
internal sealed class FailingStoragePolicy(string table, int failInsert) : HttpPipelinePolicy
{
    private int inserts;

    public int Failed { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The table client is used asynchronously only.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/" + table, StringComparison.Ordinal)
            && Interlocked.Increment(ref inserts) == failInsert)
        {
            Failed++;
            throw new RequestFailedException(503, "injected: storage unavailable");
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }
}
