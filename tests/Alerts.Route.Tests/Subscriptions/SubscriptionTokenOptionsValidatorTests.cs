using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Alerts.Route.Tests.Subscriptions;

public sealed class SubscriptionTokenOptionsValidatorTests
{
    [Fact]
    public void PostConfigure_NoKeyInDevelopment_UsesTheDevelopmentKey()
    {
        var options = new SubscriptionTokenOptions();
        var validator = new SubscriptionTokenOptionsValidator(Environment(Environments.Development));

        validator.PostConfigure(null, options);

        Assert.Equal([SubscriptionTokenOptionsValidator.DevelopmentKey], options.SigningKeys);
        Assert.True(validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_NoKeyInProduction_NamesTheSetting()
    {
        var options = new SubscriptionTokenOptions();
        var validator = new SubscriptionTokenOptionsValidator(Environment(Environments.Production));

        validator.PostConfigure(null, options);
        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Subscriptions__SigningKeys__0", result.FailureMessage, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadKeys => new()
    {
        // too short to be a generated secret
        { ["short-key"], "Subscriptions:SigningKeys:0 is shorter than 32" },
        // the published key outside Development
        { [SubscriptionTokenOptionsValidator.DevelopmentKey], "Subscriptions:SigningKeys:0 is the published Development key" },
        // three keys: only current and previous are used
        { [new string('a', 40), new string('b', 40), new string('c', 40)], "at most 2" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Validate_BadKeysInProduction_NamesWhatIsWrong(string[] keys, string expected)
    {
        var options = new SubscriptionTokenOptions();
        options.SigningKeys.AddRange(keys);

        var result = new SubscriptionTokenOptionsValidator(Environment(Environments.Production)).Validate(null, options);

        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    private static TestEnvironment Environment(string name) => new() { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Alerts.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
