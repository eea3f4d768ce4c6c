using Alerts.LocalServiceBus.Filters;

namespace Alerts.LocalServiceBus.Tests.Filters;

/// <summary>A message made of two case-insensitive dictionaries, standing in for the broker's message.</summary>
internal sealed class DictionaryMessage : IFilterableMessage
{
    private readonly Dictionary<string, object?> _system;
    private readonly Dictionary<string, object?> _application;

    public DictionaryMessage(IDictionary<string, object?>? system = null, IDictionary<string, object?>? application = null)
    {
        _system = new Dictionary<string, object?>(system ?? new Dictionary<string, object?>(), StringComparer.OrdinalIgnoreCase);
        _application = new Dictionary<string, object?>(application ?? new Dictionary<string, object?>(), StringComparer.OrdinalIgnoreCase);
    }

    public bool TryGetSystemProperty(string name, out object? value) => _system.TryGetValue(name, out value);

    public bool TryGetApplicationProperty(string name, out object? value) => _application.TryGetValue(name, out value);

    /// <summary>One message carrying a property of every interesting type; tables evaluate against it.</summary>
    public static DictionaryMessage Sample { get; } = new(
        new Dictionary<string, object?>
        {
            ["MessageId"] = "m-1",
            ["CorrelationId"] = "corr-7",
            ["Label"] = "alert",
            ["To"] = "ops",
            ["ReplyTo"] = "replies",
            ["ContentType"] = "application/json",
            ["SessionId"] = "s1",
        },
        new Dictionary<string, object?>
        {
            ["channel"] = "email",
            ["commodity"] = "Cobalt",
            ["severity"] = 3,
            ["count"] = 10L,
            ["share"] = 0.75,
            ["price"] = 12.5m,
            ["small"] = (byte)2,
            ["neg"] = -4,
            ["big"] = long.MaxValue,
            ["nan"] = double.NaN,
            ["urgent"] = true,
            ["muted"] = false,
            ["note"] = null,
            ["empty"] = string.Empty,
            ["quote"] = "it's",
            ["pct"] = "50%",
            ["path"] = "a_b",
            ["id"] = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["at"] = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
            ["Property With Space"] = "spaced",
            ["HR-EmployeeID"] = "E1",
            ["x.y"] = "dotted",
            ["sys"] = "user-named-sys",
            ["prop"] = "channel",
            ["a]b"] = "bracket",
            ["say \"hi\""] = "quoted",
            ["größe"] = "L",
        });
}
