using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Tests.Subscriptions;

public sealed class SubscriptionTokensTests
{
    private const string Current = "current-signing-key-0123456789-abcdefghij";
    private const string Previous = "previous-signing-key-0123456789-abcdefghij";
    private const string Id = "sub-1";
    private const string Target = "desk@example.eu";

    private static readonly DateTimeOffset Now = TestEvents.T0;

    [Fact]
    public void Check_IssuedToken_IsValidUntilItsExpiry()
    {
        var tokens = Tokens(Current);
        var token = tokens.Issue(TokenPurpose.Verify, Id, Target, Now.AddDays(7));

        Assert.Equal(TokenCheck.Valid, tokens.Check(token, TokenPurpose.Verify, Id, Target, Now.AddDays(7)));
        Assert.Equal(TokenCheck.Expired, tokens.Check(token, TokenPurpose.Verify, Id, Target, Now.AddDays(7).AddSeconds(2)));
        Assert.DoesNotContain(Target, token, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Check_UnsubscribeToken_NeverExpires()
    {
        var tokens = Tokens(Current);
        var token = tokens.Issue(TokenPurpose.Unsubscribe, Id, Target);

        Assert.Equal(TokenCheck.Valid, tokens.Check(token, TokenPurpose.Unsubscribe, Id, Target, Now.AddYears(5)));
    }

    public static TheoryData<string, Func<string, string>, TokenPurpose, string, string> Refused => new()
    {
        // another subscription's token (a foreign link)
        { "foreign", t => t, TokenPurpose.Verify, "sub-2", Target },
        // the target changed since the link was mailed
        { "retargeted", t => t, TokenPurpose.Verify, Id, "other@example.eu" },
        // a verify token used to unsubscribe
        { "purpose", t => t, TokenPurpose.Unsubscribe, Id, Target },
        // the signature altered
        { "tampered mac", t => t[..^2] + (t[^2] == 'A' ? "BA" : "AA"), TokenPurpose.Verify, Id, Target },
        // the expiry pushed out (the MAC covers it)
        { "tampered expiry", t => "9" + t, TokenPurpose.Verify, Id, Target },
        // garbage and empties
        { "garbage", _ => "not-a-token", TokenPurpose.Verify, Id, Target },
        { "empty", _ => string.Empty, TokenPurpose.Verify, Id, Target },
        { "no mac", t => t[..(t.IndexOf('.', StringComparison.Ordinal) + 1)], TokenPurpose.Verify, Id, Target },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_AlteredOrMisusedToken_IsInvalid(string name, Func<string, string> alter, TokenPurpose purpose, string id, string target)
    {
        var tokens = Tokens(Current);
        var token = alter(tokens.Issue(TokenPurpose.Verify, Id, Target, Now.AddDays(1)));

        Assert.True(TokenCheck.Invalid == tokens.Check(token, purpose, id, target, Now), name);
    }

    [Fact]
    public void Check_DuringRotation_AcceptsThePreviousKeyAndSignsWithTheNew()
    {
        var old = Tokens(Previous).Issue(TokenPurpose.Unsubscribe, Id, Target);
        var rotating = Tokens(Current, Previous);
        var fresh = rotating.Issue(TokenPurpose.Unsubscribe, Id, Target);

        Assert.Equal(TokenCheck.Valid, rotating.Check(old, TokenPurpose.Unsubscribe, Id, Target, Now));
        Assert.Equal(TokenCheck.Valid, Tokens(Current).Check(fresh, TokenPurpose.Unsubscribe, Id, Target, Now));

        // Once the previous key is dropped, its links stop working.
        Assert.Equal(TokenCheck.Invalid, Tokens(Current).Check(old, TokenPurpose.Unsubscribe, Id, Target, Now));
    }

    private static SubscriptionTokens Tokens(params string[] keys)
    {
        var options = new SubscriptionTokenOptions();
        options.SigningKeys.AddRange(keys);
        return new SubscriptionTokens(Options.Create(options));
    }
}
