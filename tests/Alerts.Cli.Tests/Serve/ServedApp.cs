using Alerts.Cli.Commands;
using Alerts.Cli.Serve;
using Alerts.DevStack;
using Alerts.Functions.Http.Identity;
using Alerts.TestKit.Samples;

namespace Alerts.Cli.Tests.Serve;

/// <summary>
/// <c>serve</c>'s host in this process on a local stack of its own: the Functions app's HTTP functions on a free
/// 127.0.0.1 port, reached with a real <see cref="HttpClient"/>. Timers are off, so each test sees only what it does.
/// </summary>
public sealed class ServedApp : IAsyncLifetime
{
    public LocalStack Stack { get; private set; } = null!;

    public FunctionsWebHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string CaptureDirectory { get; } = Directory.CreateTempSubdirectory("serve-capture-").FullName;

    public async Task InitializeAsync()
    {
        Stack = await LocalStack.StartAsync(new LocalStackOptions { CaptureDirectory = CaptureDirectory });
        // The six sample products: the tests here never need the default scope (every catalog code).
        var settings = new Dictionary<string, string?>(SampleScope.With(ServeCommand.LocalDefaults));
        foreach (var (name, value) in Stack.Settings)
        {
            settings[name] = value;
        }

        Host = await FunctionsWebHost.StartAsync(new FunctionsWebHostOptions { Settings = settings, Port = 0, RunTimers = false, MailboxDirectory = CaptureDirectory });
        Client = new HttpClient { BaseAddress = Host.BaseUrl };
    }

    /// <summary>
    /// A request to <c>/api/{path}</c> carrying the function key and a caller's App Service principal headers
    /// (user <paramref name="caller"/> of <c>aad</c>; with <c>Alerts.Admin</c> when <paramref name="admin"/>).
    /// </summary>
    public HttpRequestMessage Api(HttpMethod method, string path, string? caller = "serve-tests", bool admin = false)
    {
        var request = new HttpRequestMessage(method, new Uri(Host.ApiBaseUrl, path));
        request.Headers.Add(FunctionKeys.HeaderName, Host.Keys.FunctionKey);
        if (caller is not null)
        {
            foreach (var (name, value) in ClientPrincipalHeader.Create("aad", caller, admin ? [CallerPrincipal.AdminRole] : []))
            {
                request.Headers.Add(name, value);
            }
        }

        return request;
    }

    /// <summary>
    /// Another host on this fixture's local stack, with <paramref name="settings"/> over the local defaults, in
    /// <paramref name="environment"/>; give it a <c>Storage__NamePrefix</c> of its own when it must not see this one's tables.
    /// </summary>
    public Task<FunctionsWebHost> StartHostAsync(IReadOnlyDictionary<string, string?> settings, string environment = "Development")
    {
        var all = new Dictionary<string, string?>(SampleScope.With(ServeCommand.LocalDefaults));
        foreach (var (name, value) in Stack.Settings)
        {
            all[name] = value;
        }

        foreach (var (name, value) in settings)
        {
            all[name] = value;
        }

        return FunctionsWebHost.StartAsync(new FunctionsWebHostOptions { Settings = all, Port = 0, RunTimers = false, EnvironmentName = environment });
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Host is { } host)
        {
            await host.DisposeAsync();
        }

        if (Stack is { } stack)
        {
            await stack.DisposeAsync();
        }

        Directory.Delete(CaptureDirectory, recursive: true);
    }
}
