using System.Globalization;

namespace Alerts.DevStack.Replay;

/// <summary>
/// What the <see cref="ReplayServer"/> does instead of (or before) serving a recording, to exercise a client's
/// resilience: an error status, a delay longer than the client's timeout, or a body that does not parse.
/// </summary>
public sealed record ReplayFault
{
    private ReplayFault(string name)
    {
        Name = name;
    }

    /// <summary>Short name, recorded with each request it was applied to.</summary>
    public string Name { get; }

    /// <summary>Status code to answer instead of the recording; null = serve the recording (after <see cref="Delay"/>).</summary>
    public int? Status { get; private init; }

    public string? Body { get; private init; }

    public string ContentType { get; private init; } = "application/json";

    /// <summary>Sent as <c>Retry-After</c> in whole seconds.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>Wait this long before answering (the request's abort cancels the wait).</summary>
    public TimeSpan? Delay { get; private init; }

    /// <summary>Serve the recording's status but a truncated body.</summary>
    public bool Malformed { get; private init; }

    /// <summary>429 with Retry-After and Comtrade's rate-limit body.</summary>
    public static ReplayFault TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return new ReplayFault("429")
        {
            Status = 429,
            RetryAfter = retryAfter,
            Body = $"{{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in {seconds} seconds.\"}}",
        };
    }

    /// <summary>429 with no Retry-After header, only Comtrade's body naming the wait ("Try again in N seconds.").</summary>
    public static ReplayFault TooManyRequestsInBody(TimeSpan retryAfter) =>
        TooManyRequests(retryAfter) with { RetryAfter = null };

    /// <summary>500 with an SDMX-style error body.</summary>
    public static ReplayFault ServerError() =>
        new("500") { Status = 500, Body = ReplayErrorBody.Create(500, 500, "Internal Server error (injected by the replay server)") };

    /// <summary>413 EXTRACTION_TOO_BIG, as Comext answers a query over its row limit.</summary>
    public static ReplayFault ExtractionTooBig() =>
        new("413") { Status = 413, Body = ReplayErrorBody.Create(413, 413, "EXTRACTION_TOO_BIG: The requested extraction is too big, estimated 12000000 rows, max authorised is 5000000, please change your filters to reduce the extraction size") };

    /// <summary>Any status with an optional body.</summary>
    public static ReplayFault WithStatus(int status, string? body = null, string contentType = "application/json") =>
        new(status.ToString(CultureInfo.InvariantCulture)) { Status = status, Body = body, ContentType = contentType };

    /// <summary>Waits <paramref name="delay"/> before serving the recording (longer than the client's timeout = a timeout).</summary>
    public static ReplayFault Delayed(TimeSpan delay) => new("delay") { Delay = delay };

    /// <summary>Serves the recording's status and content type with a body cut off mid-JSON.</summary>
    public static ReplayFault MalformedBody() => new("malformed") { Malformed = true };
}
