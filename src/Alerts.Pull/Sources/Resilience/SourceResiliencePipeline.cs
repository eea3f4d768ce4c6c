using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Alerts.Pull.Sources.Resilience;

/// <summary>
/// The resilience pipeline every source client uses: a concurrency limit, a total timeout, retries with
/// exponential back-off and jitter that honour Retry-After (header or body), a circuit breaker and a timeout
/// per attempt.
/// </summary>
public static class SourceResiliencePipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, SourceResilienceOptions o, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(o);
        builder
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = o.MaxConcurrency, QueueLimit = o.QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })
            .AddTimeout(o.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.BaseDelay,
                // 408, 429, 5xx, HttpRequestException and attempt timeouts.
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                DelayGenerator = async args =>
                {
                    if (args.Outcome.Result is not { } response)
                    {
                        return null;
                    }

                    var wait = RetryAfter.FromHeaders(response.Headers, time.GetUtcNow());
                    if (wait is null && response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        var body = await response.Content.ReadAsStringAsync(args.Context.CancellationToken).ConfigureAwait(false);
                        wait = RetryAfter.FromBody(body.Length > 4096 ? body[..4096] : body);
                    }

                    return wait is { } w ? (w > o.MaxRetryAfter ? o.MaxRetryAfter : w) : null;
                },
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakerBreakDuration,
            })
            .AddTimeout(o.AttemptTimeout);
    }
}
