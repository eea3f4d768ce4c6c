using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Alerts.Route.Tests.Outbox;

/// <summary>
/// Fails chosen writes of a real table client (an Azure SDK pipeline policy): the <c>n</c>-th insert or update of one
/// table answers 503 without reaching Azurite, after running <see cref="OnFail"/> (e.g. another event arriving meanwhile).
/// </summary>
internal sealed class FailingLogWritePolicy(string table, int failWrite) : HttpPipelinePolicy
{
    private int writes;

    public int Failed { get; private set; }

    public Func<Task>? OnFail { get; set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The table client is used asynchronously only.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var method = message.Request.Method;
        if ((method == RequestMethod.Post || method == RequestMethod.Put || method == RequestMethod.Patch)
            && message.Request.Uri.Path.Contains(table, StringComparison.Ordinal)
            && Interlocked.Increment(ref writes) == failWrite)
        {
            Failed++;
            if (OnFail is not null)
            {
                await OnFail().ConfigureAwait(false);
            }

            throw new RequestFailedException(503, "injected: storage unavailable");
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }
}
