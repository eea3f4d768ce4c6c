using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Alerts.Pull.Sources;

/// <summary>Sends a source request and turns what the resilience pipeline gave up on into a <see cref="TradeSourceException"/>.</summary>
internal static class SourceHttp
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string source, string product, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException e)
            {
                throw new TradeSourceException(source, product, $"timed out ({e.Message}) requesting {request.RequestUri?.PathAndQuery}", null, e);
            }
            catch (BrokenCircuitException e)
            {
                throw new TradeSourceException(source, product, $"circuit open after repeated failures; not calling {source} for now ({e.Message})", null, e) { NotAttempted = true };
            }
            catch (RateLimiterRejectedException e)
            {
                throw new TradeSourceException(source, product, "too many requests queued for this source", null, e) { NotAttempted = true };
            }
            catch (HttpRequestException e)
            {
                throw new TradeSourceException(source, product, $"request failed: {e.Message}", null, e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TradeSourceException(source, product, "timed out (HttpClient timeout)", null, e);
            }
        }
    }
}
