using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alerts.DevStack.Replay;

/// <summary>Answers one request: injected fault first, then the first matching recording, else 404.</summary>
internal sealed class ReplayResponder(
    IReadOnlyList<ReplayMount> mounts,
    FaultQueue faults,
    ReceivedLog<ReplayExchange> exchanges,
    TimeProvider timeProvider,
    ILogger logger)
{
    public async Task RespondAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var (mount, relative) = Resolve(path);
        var request = new ReplayRequest(
            mount?.Source.Name,
            context.Request.Method,
            relative,
            context.Request.Query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.OrdinalIgnoreCase),
            timeProvider.GetUtcNow());

        var fault = faults.Take(request);
        var recording = mount?.Recordings.FirstOrDefault(r => r.Matches(request.Method, request.Path, request.Query));
        var status = fault?.Status ?? recording?.Status ?? StatusCodes.Status404NotFound;
        exchanges.Add(new ReplayExchange(request, status, fault?.Name, recording is not null));
        logger.LogDebug("Replay {Method} {Path} from {Source}: {Status} (fault {Fault})", request.Method, path, request.Source, status, fault?.Name);

        if (fault?.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, timeProvider, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (its timeout) or the server is stopping: nobody to answer.
                return;
            }
        }

        if (fault?.Status is { } faultStatus)
        {
            await WriteAsync(context, faultStatus, fault.ContentType, fault.Body, fault.RetryAfter).ConfigureAwait(false);
            return;
        }

        if (recording is null)
        {
            var label = $"No results found: no recording for {request.Method} {path}{context.Request.QueryString} (replay source '{request.Source ?? "none"}')";
            await WriteAsync(context, StatusCodes.Status404NotFound, "application/json", ReplayErrorBody.Create(404, 100, label), null).ConfigureAwait(false);
            return;
        }

        await ServeAsync(context, recording, fault?.Malformed == true).ConfigureAwait(false);
    }

    private (ReplayMount? Mount, string Relative) Resolve(string path)
    {
        foreach (var mount in mounts)
        {
            if (mount.Relative(path) is { } relative)
            {
                return (mount, relative);
            }
        }

        return (null, path);
    }

    private static async Task ServeAsync(HttpContext context, ReplayRecording recording, bool malformed)
    {
        var body = recording.BodyFile is null ? [] : await File.ReadAllBytesAsync(recording.BodyFile, context.RequestAborted).ConfigureAwait(false);
        if (malformed)
        {
            // Half a JSON document never parses; a body too short to halve becomes a lone '{'.
            body = body.Length >= 2 ? body[..(body.Length / 2)] : "{"u8.ToArray();
        }

        foreach (var (name, value) in recording.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = recording.Status;
        context.Response.ContentType = recording.ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string? body, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (body is not null)
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
