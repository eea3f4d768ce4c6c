using System.Text.Json;
using Alerts.Pull.Statistics.JsonStat;
using Alerts.Pull.Statistics.Parsing;

namespace Alerts.Pull.Statistics.Comtrade;

/// <summary>A record field's value of the expected JSON type (null allowed), or an error naming the field.</summary>
internal static class ComtradeFieldValues
{
    public static string? OptionalString(JsonTokenStream json, PayloadErrors errors, ComtradeFieldPath path) => json.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => json.GetString(),
        _ => throw errors.At(path.ToString(), $"expected a string, found {json.Describe()}"),
    };

    public static int? OptionalInt(JsonTokenStream json, PayloadErrors errors, ComtradeFieldPath path)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (json.TokenType == JsonTokenType.Number && json.TryGetInt64(out var v) && v is >= int.MinValue and <= int.MaxValue)
        {
            return (int)v;
        }

        throw errors.At(path.ToString(), $"expected an integer, found {json.Describe()}");
    }

    public static decimal? OptionalAmount(JsonTokenStream json, PayloadErrors errors, TradeDataReaderOptions options, ComtradeFieldPath path, string what)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (json.TokenType != JsonTokenType.Number)
        {
            throw errors.At(path.ToString(), $"expected a number or null, found {json.Describe()}");
        }

        if (!json.TryGetDecimal(out var amount))
        {
            throw errors.At(path.ToString(), $"number {json.GetString()} is out of range");
        }

        var problem = AmountRules.Check(amount, options.MaxAmount, what);
        return problem is null ? AmountRules.Normalize(amount) : throw errors.At(path.ToString(), problem);
    }
}
