using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Email;
using Alerts.Deliver.Tests.Teams;
using Alerts.Platform.Secrets;
using Alerts.Route;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Tests;

/// <summary>Tests of <see cref="EmailExtensions"/> and <see cref="TeamsExtensions"/>: what the registrations bind and refuse.</summary>
public sealed class DeliveryExtensionsTests
{
    [Fact]
    public void AddBoth_CompleteSettings_BothNotifiersAndTheirTargetChecks()
    {
        using var provider = Build(new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "2525",
            ["Smtp:From"] = "alerts@example.com",
            ["Smtp:Security"] = "None",
            ["Teams:AllowInsecureLoopback"] = "true",
            ["Teams:AllowedHosts:0"] = "hooks.example.com",
            ["Notifications:PublicBaseUrl"] = "https://alerts.example.com",
        });

        var notifiers = provider.GetServices<INotifier>().ToList();

        Assert.Equal([Channels.Email, Channels.Teams], notifiers.Select(n => n.Channel).Order());
        var policy = provider.GetRequiredService<WebhookUrlPolicy>();
        Assert.Equal(["hooks.example.com"], policy.AllowedHosts);
        Assert.True(policy.AllowInsecureLoopback);
        Assert.Equal(MailKit.Security.SecureSocketOptions.None, provider.GetRequiredService<IOptions<EmailOptions>>().Value.Security);
        // Each channel registers its target check for the subscription validator (routing's port).
        var targets = provider.GetServices<IChannelTarget>().ToList();
        Assert.Equal([Channels.Email, Channels.Teams], targets.Select(t => t.Channel).Order());
        Assert.Null(new SubscriptionRequestValidator(targets).Validate(new SubscriptionRequest { Channel = "teams", Target = "http://127.0.0.1:7000/hook" }).GetValueOrDefault("target"));
        Assert.NotNull(targets.Single(t => t.Channel == Channels.Teams).Problem("http://10.0.0.1/hook"));
    }

    [Fact]
    public void AddTeams_NoHostsConfigured_DefaultHosts()
    {
        using var provider = Build(new() { ["Smtp:Host"] = "h", ["Smtp:From"] = "a@example.com" });

        Assert.Equal(WebhookUrlPolicy.DefaultAllowedHosts, provider.GetRequiredService<WebhookUrlPolicy>().AllowedHosts);
        Assert.False(provider.GetRequiredService<WebhookUrlPolicy>().AllowInsecureLoopback);
    }

    [Fact]
    public void AddEmail_MissingSmtpSettings_ResolvingFailsNamingThem()
    {
        using var provider = Build(new() { ["Notifications:PublicBaseUrl"] = "not a url" });

        var smtp = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmailOptions>>().Value);
        var rendering = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<EmailNotifier>());

        Assert.Contains("Smtp:Host is required", smtp.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp:From is required", smtp.Message, StringComparison.Ordinal);
        Assert.Contains("PublicBaseUrl must be an absolute http(s) URL", rendering.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBoth_SampleSettingsShape_CommaHostsAndRootBaseUrl()
    {
        // The shape local.settings.sample.json uses: one string for the hosts, PublicBaseUrl at the root.
        using var provider = Build(new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:From"] = "alerts@devstack.local",
            ["Teams:AllowedHosts"] = "127.0.0.1, *.logic.azure.com",
            ["PublicBaseUrl"] = "https://alerts.example.com/",
        });

        Assert.Equal(["127.0.0.1", "*.logic.azure.com"], provider.GetRequiredService<WebhookUrlPolicy>().AllowedHosts);
        Assert.Equal("https://alerts.example.com/", provider.GetRequiredService<IOptions<Alerts.Deliver.Rendering.RenderingOptions>>().Value.PublicBaseUrl);
    }

    [Fact]
    public void Start_StagingWithLoopbackAndOpportunisticTls_RefusedNamingBothSettings()
    {
        using var provider = Build(
            new()
            {
                ["Smtp:Host"] = "smtp.example.com",
                ["Smtp:From"] = "alerts@example.com",
                ["Smtp:UserName"] = "alerts",
                ["Smtp:Password"] = "Hunter2-SMTP-Pa55",
                ["Smtp:Security"] = "Auto",
                ["Teams:AllowInsecureLoopback"] = "true",
            },
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Staging" });

        // What the host runs at start (ValidateOnStart): the app does not come up.
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Smtp:Security must be StartTls or SslOnConnect", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Teams:AllowInsecureLoopback may be true only in the Development environment", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", error.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Microsoft.Extensions.Hosting.IHostEnvironment? environment = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (environment is not null)
        {
            services.AddSingleton(environment);
        }

        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddRoute(configuration); // the email channel signs unsubscribe links with the route step's tokens
        services.AddEmailDelivery(configuration);
        services.AddTeamsDelivery(configuration);
        return services.BuildServiceProvider();
    }
}
