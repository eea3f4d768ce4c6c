using Alerts.Route.Silences;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Silences;

public sealed class SilenceRequestValidatorTests
{
    private static readonly DateTimeOffset Now = TestEvents.T0;

    private static SilenceRequest Valid => new()
    {
        Matchers = [new SilenceMatcherRequest { Name = "commodity", Value = "rare-earths" }],
        EndsAt = "2026-12-02T08:00:00Z",
    };

    public static TheoryData<SilenceRequest, string> Malformed => new()
    {
        // no matcher at all
        { Valid with { Matchers = [] }, "matchers" },
        // an unknown matcher name
        { Valid with { Matchers = [new SilenceMatcherRequest { Name = "colour", Value = "red" }] }, "matchers[0].name" },
        // an empty value would never match
        { Valid with { Matchers = [new SilenceMatcherRequest { Name = "reporter", Value = " " }] }, "matchers[0].value" },
        // a pattern that does not compile
        { Valid with { Matchers = [new SilenceMatcherRequest { Name = "rule", Value = "crma-(", IsRegex = true }] }, "matchers[0].value" },
        // backreferences need backtracking, which the router does not allow
        { Valid with { Matchers = [new SilenceMatcherRequest { Name = "rule", Value = @"(a)\1", IsRegex = true }] }, "matchers[0].value" },
        // an unknown severity
        { Valid with { Matchers = [new SilenceMatcherRequest { Name = "severity", Value = "huge" }] }, "matchers[0].value" },
        // no end
        { Valid with { EndsAt = null }, "endsAt" },
        // a time without offset depends on the server's zone
        { Valid with { EndsAt = "2026-12-02T08:00:00" }, "endsAt" },
        { Valid with { StartsAt = "tomorrow" }, "startsAt" },
        // scope is owner or global
        { Valid with { Scope = "everyone" }, "scope" },
        { Valid with { Comment = new string('x', 501) }, "comment" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Validate_MalformedField_IsNamedAsMalformed(SilenceRequest request, string field)
    {
        var result = SilenceRequestValidator.Validate(request, Now);

        Assert.Contains(field, result.Malformed.Keys);
        Assert.False(result.IsValid);
    }

    public static TheoryData<SilenceRequest> Unacceptable => new()
    {
        // the end before the start
        Valid with { StartsAt = "2026-12-03T08:00:00Z", EndsAt = "2026-12-02T08:00:00Z" },
        // the end in the past
        Valid with { EndsAt = "2026-12-01T07:00:00+00:00" },
    };

    [Theory]
    [MemberData(nameof(Unacceptable))]
    public void Validate_BadTimes_AreUnacceptableNamingEndsAt(SilenceRequest request)
    {
        var result = SilenceRequestValidator.Validate(request, Now);

        Assert.Empty(result.Malformed);
        Assert.Equal(["endsAt"], result.Unacceptable.Keys);
    }

    [Fact]
    public void Create_ValidRequest_NormalizesAndDefaults()
    {
        var request = Valid with
        {
            Matchers = [new SilenceMatcherRequest { Name = " Reporter ", Value = " DE " }, new SilenceMatcherRequest { Name = "rule", Value = "hhi-.*", IsRegex = true, IsEqual = false }],
        };

        Assert.True(SilenceRequestValidator.Validate(request, Now).IsValid);
        var silence = SilenceRequestValidator.Create(request, "sil-1", "aad|alice", "alice", Now);

        Assert.Equal([new SilenceMatcher("reporter", "DE"), new SilenceMatcher("rule", "hhi-.*", true, false)], silence.Matchers);
        Assert.Equal((Now, new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)), (silence.StartsAt, silence.EndsAt));
        Assert.Equal((SilenceScope.Owner, "aad|alice", "alice", Now), (silence.Scope, silence.Owner, silence.CreatedBy, silence.CreatedAt));
    }
}
