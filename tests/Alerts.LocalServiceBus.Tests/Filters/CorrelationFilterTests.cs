using Alerts.LocalServiceBus.Filters;

namespace Alerts.LocalServiceBus.Tests.Filters;

public sealed class CorrelationFilterTests
{
    private static readonly Dictionary<string, object?> None = [];

    public static TheoryData<string, Dictionary<string, object?>, Dictionary<string, object?>, bool> Cases => new()
    {
        // one application property, equal
        { "app equal", None, new() { ["channel"] = "email" }, true },
        // one application property, different value
        { "app different", None, new() { ["channel"] = "teams" }, false },
        // application property names are case-insensitive
        { "app name case", None, new() { ["CHANNEL"] = "email" }, true },
        // application property values are case-sensitive
        { "app value case", None, new() { ["channel"] = "Email" }, false },
        // a property the message lacks never matches
        { "app missing", None, new() { ["missing"] = "x" }, false },
        // expected null matches a property present with a null value
        { "app null present", None, new() { ["note"] = null }, true },
        // expected null does not match a missing property
        { "app null missing", None, new() { ["missing"] = null }, false },
        // numbers are promoted: int property vs long expected
        { "app int vs long", None, new() { ["severity"] = 3L }, true },
        // numbers are promoted: decimal property vs double expected
        { "app decimal vs double", None, new() { ["price"] = 12.5 }, true },
        // a string never equals a number
        { "app string vs number", None, new() { ["severity"] = "3" }, false },
        // booleans compare as booleans
        { "app bool", None, new() { ["urgent"] = true }, true },
        // all conditions must hold: both true
        { "app all true", None, new() { ["channel"] = "email", ["severity"] = 3 }, true },
        // all conditions must hold: one false
        { "app one false", None, new() { ["channel"] = "email", ["severity"] = 4 }, false },
        // system property CorrelationId
        { "sys CorrelationId", new() { ["CorrelationId"] = "corr-7" }, None, true },
        // system property MessageId, different
        { "sys MessageId different", new() { ["MessageId"] = "m-2" }, None, false },
        // system property names are case-insensitive
        { "sys name case", new() { ["correlationid"] = "corr-7" }, None, true },
        // Subject is an alias of Label
        { "sys Subject alias", new() { ["Subject"] = "alert" }, None, true },
        // Label by its own name
        { "sys Label", new() { ["Label"] = "alert" }, None, true },
        // a system property the message lacks never matches
        { "sys missing", new() { ["ReplyToSessionId"] = "x" }, None, false },
        // system and application conditions together
        { "sys and app", new() { ["To"] = "ops", ["ContentType"] = "application/json" }, new() { ["channel"] = "email" }, true },
        // system matches but application does not
        { "sys ok app not", new() { ["To"] = "ops" }, new() { ["channel"] = "teams" }, false },
        // application property named like a system property is still an application property
        { "app named Label", None, new() { ["Label"] = "alert" }, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_PropertiesAgainstSampleMessage_MatchesOnlyWhenAllEqual(
        string name, Dictionary<string, object?> system, Dictionary<string, object?> application, bool expected)
    {
        var filter = new CorrelationFilter(system, application);

        Assert.True(expected == filter.Matches(DictionaryMessage.Sample), name);
    }

    [Fact]
    public void Matches_MessageWithSubjectOnly_LabelConditionReadsSubject()
    {
        var message = new DictionaryMessage(new Dictionary<string, object?> { ["Subject"] = "breach" });

        Assert.True(new CorrelationFilter(new Dictionary<string, object?> { ["Label"] = "breach" }, None).Matches(message));
    }

    [Fact]
    public void Constructor_UnknownSystemProperty_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CorrelationFilter(new Dictionary<string, object?> { ["Colour"] = "red" }, None));

        Assert.Contains("'Colour'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoConditions_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CorrelationFilter(None, None));

        Assert.Contains("at least one", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Dictionaries_AreExposedAsGiven()
    {
        var system = new Dictionary<string, object?> { ["To"] = "ops" };
        var application = new Dictionary<string, object?> { ["channel"] = "email" };

        var filter = new CorrelationFilter(system, application);

        Assert.Same(system, filter.SystemProperties);
        Assert.Same(application, filter.ApplicationProperties);
    }
}
