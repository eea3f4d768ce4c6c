using System.Globalization;
using Alerts.Platform.Bus.DeadLetters;
using Microsoft.AspNetCore.Http;

namespace Alerts.Functions.DeadLetters;

/// <summary>The query of the dead-letter routes: <c>sequenceNumber</c>, <c>messageId</c>, <c>reason</c>, <c>subscriptionId</c> and <c>max</c>.</summary>
internal static class DeadLetterQuery
{
    public const int DefaultMax = 100;

    /// <summary>The filter and the cap, or the errors per parameter.</summary>
    public static (DeadLetterFilter Filter, int Max, Dictionary<string, string[]> Errors) Read(HttpRequest request, int defaultMax = DefaultMax)
    {
        var errors = new Dictionary<string, string[]>();
        long? sequence = null;
        if (Text(request, "sequenceNumber") is { } s)
        {
            if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                sequence = n;
            }
            else
            {
                errors["sequenceNumber"] = ["sequenceNumber must be a whole number (a dead letter's sequenceNumber as listed)"];
            }
        }

        var max = defaultMax;
        if (Text(request, "max") is { } m && (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > DeadLetterClient.MaxMessages))
        {
            errors["max"] = [$"max must be a whole number from 1 to {DeadLetterClient.MaxMessages}"];
        }

        return (new DeadLetterFilter(sequence, Text(request, "messageId"), Text(request, "reason"), Text(request, "subscriptionId")), max, errors);
    }

    private static string? Text(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } v ? v : null;
}
