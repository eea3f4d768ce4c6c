using Alerts.Cli.Commands;
using Alerts.Cli.Demo;
using Alerts.Cli.Serve;
using Alerts.DevStack;
using Alerts.Functions.Http.Identity;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Alerts.Browser.Tests;

/// <summary>
/// <c>serve</c>'s host on a local stack of its own with the sample data pulled, routed and mailed once, and one
/// headless Debian Chromium driven by Playwright. Screenshots go to <see cref="Artifacts"/> (kept by CI with the
/// test results).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's package; Playwright must never download a browser of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string User = "analyst";

    public LocalStack Stack { get; private set; } = null!;

    public FunctionsWebHost Host { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The materials shown pending and without data (the sample data has neither).</summary>
    public SeededStates Seeded { get; private set; } = null!;

    public string CaptureDirectory { get; } = Directory.CreateTempSubdirectory("browser-capture-").FullName;

    public string Artifacts { get; } = ArtifactsDirectory();

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Stack = await LocalStack.StartAsync(new LocalStackOptions { CaptureDirectory = CaptureDirectory });
        var settings = new Dictionary<string, string?>(ServeCommand.LocalDefaults);
        foreach (var (name, value) in Stack.Settings)
        {
            settings[name] = value;
        }

        Host = await FunctionsWebHost.StartAsync(new FunctionsWebHostOptions { Settings = settings, Port = 0, RunTimers = false, MailboxDirectory = CaptureDirectory });

        // The demo's mailbox hears about the sample data's alerts: one pull, one route, one delivery.
        var subscriptions = Host.Services.GetRequiredService<SubscriptionService>();
        await subscriptions.SeedAsync(DemoSubscriptions.Owner, DemoSubscriptions.Email(), CancellationToken.None);
        await Host.Timers.RunNowAsync(ServeCommand.PullFunction, CancellationToken.None);
        await Host.Timers.RunNowAsync("RouteBreaches", CancellationToken.None);
        await Host.Timers.RunNowAsync("DeliverEmail", CancellationToken.None);
        Seeded = await SeededStates.SeedAsync(Host.Services, Host.Services.GetRequiredService<TimeProvider>());

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"], // CI runs as root in a container
        });
    }

    /// <summary>A page signed in as <paramref name="user"/> (App Service principal headers on every request), failing on console errors.</summary>
    public async Task<(IPage Page, List<string> Errors)> PageAsync(string user = User, bool admin = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = ClientPrincipalHeader.Create("aad", user, admin ? [CallerPrincipal.AdminRole] : []),
        });
        // Generous: CI shares two cores with other builds, and a page here waits on Azurite.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // Script errors, and any response the server failed on. Chromium also logs each 4xx as a console error
        // ("Failed to load resource"): the pages answer a rejected form with 400 on purpose, so those are left out.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add("request failed: " + request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                errors.Add($"{response.Status} from {response.Url}");
            }
        };
        return (page, errors);
    }

    public string Url(string path) => Host.WebUrl + path;

    public async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }

        Directory.Delete(CaptureDirectory, recursive: true);
    }

    // tests/Alerts.Browser.Tests/TestResults/screenshots: beside the .trx files CI collects.
    private static string ArtifactsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.Browser.Tests.csproj")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "TestResults", "screenshots")).FullName;
            }
        }

        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
