using System.Net;
using System.Text;
using Alerts.DevStack;
using Alerts.DevStack.Replay;
using Alerts.TestKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Alerts.DevStack.Tests;

[Collection(ProcessSensitiveCollection.Name)]
public sealed class LocalStackTests
{
    private const LocalStackComponents AllButServiceBus = LocalStackComponents.All & ~LocalStackComponents.ServiceBus;
    private static readonly string ReplayData = Path.Combine(AppContext.BaseDirectory, "ReplayData");

    [Fact]
    public async Task StartAsync_AllComponents_EverySettingPointsAtARunningPartAndDisposeStopsAll()
    {
        var stack = await LocalStack.StartAsync(new LocalStackOptions { ReplayRoot = ReplayData });
        var azuriteProcess = stack.Azurite.ProcessId;
        int[] ports = [stack.ServiceBus.Port, stack.Azurite.TablePort, stack.Smtp.Port, stack.Webhooks.BaseUrl.Port, stack.Replay.BaseUrl.Port];

        Assert.Equal(
            [
                "ServiceBus__ConnectionString", "Storage__ConnectionString", "AzureWebJobsStorage", "Smtp__Host", "Smtp__Port",
                "Smtp__From", "Teams__AllowedHosts", "Teams__AllowInsecureLoopback", "Webhooks__BaseUrl",
                "Sources__Comext__BaseUrl", "Sources__Comtrade__BaseUrl", "PublicBaseUrl",
            ],
            stack.Settings.Keys);
        Assert.Contains("UseDevelopmentEmulator=true", stack.Settings[LocalStackSettings.ServiceBusConnectionString], StringComparison.Ordinal);
        foreach (var port in ports)
        {
            Assert.True(await ProcessProbe.AcceptsAsync(port), $"port {port} should accept connections");
        }

        await stack.DisposeAsync();

        Assert.False(ProcessProbe.IsRunning(azuriteProcess));
        foreach (var port in ports)
        {
            Assert.False(await ProcessProbe.AcceptsAsync(port), $"port {port} should be closed after dispose");
        }
    }

    [Fact]
    public async Task StartAsync_WithoutServiceBus_StartsTheRestAndOmitsItsSetting()
    {
        await using var stack = await LocalStack.StartAsync(new LocalStackOptions { Components = AllButServiceBus, ReplayRoot = ReplayData });

        Assert.Equal(AllButServiceBus, stack.Components);
        Assert.DoesNotContain(LocalStackSettings.ServiceBusConnectionString, stack.Settings.Keys);
        Assert.Equal(stack.Azurite.ConnectionString, stack.Settings[LocalStackSettings.StorageConnectionString]);
        Assert.Equal(stack.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), stack.Settings[LocalStackSettings.SmtpPort]);
        Assert.Equal("127.0.0.1", stack.Settings[LocalStackSettings.TeamsAllowedHosts]);
        Assert.Equal("true", stack.Settings[LocalStackSettings.TeamsAllowInsecureLoopback]);
        Assert.Throws<InvalidOperationException>(() => stack.ServiceBus);
    }

    [Fact]
    public async Task Settings_ComextBaseUrl_ServesTheReplayedRecording()
    {
        await using var stack = await LocalStack.StartAsync(new LocalStackOptions { Components = LocalStackComponents.Replay, ReplayRoot = ReplayData });
        using var http = new HttpClient { BaseAddress = new Uri(stack.Settings[LocalStackSettings.ComextBaseUrl]) };

        using var response = await http.GetAsync("statistics/1.0/data/DS-045409?product=850511");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/comext/", stack.Settings[LocalStackSettings.ComextBaseUrl], StringComparison.Ordinal);
        Assert.EndsWith("/comtrade/", stack.Settings[LocalStackSettings.ComtradeBaseUrl], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WithCaptureDirectory_WritesMailAsEmlAndPostsAsJsonThere()
    {
        var capture = Directory.CreateTempSubdirectory("stack-capture-").FullName;
        try
        {
            await using var stack = await LocalStack.StartAsync(new LocalStackOptions
            {
                Components = LocalStackComponents.Smtp | LocalStackComponents.Webhooks,
                CaptureDirectory = capture,
            });

            using (var smtp = new SmtpClient { Timeout = 10_000 })
            {
                await smtp.ConnectAsync(stack.Settings[LocalStackSettings.SmtpHost], int.Parse(stack.Settings[LocalStackSettings.SmtpPort], System.Globalization.CultureInfo.InvariantCulture), SecureSocketOptions.None);
                var message = new MimeMessage { Subject = "captured", Body = new TextPart("plain") { Text = "x" } };
                message.From.Add(MailboxAddress.Parse(stack.Settings[LocalStackSettings.SmtpFrom]));
                message.To.Add(MailboxAddress.Parse("team@example.test"));
                await smtp.SendAsync(message);
                await smtp.DisconnectAsync(quit: true);
            }

            using var http = new HttpClient();
            using var _ = await http.PostAsync(new Uri(new Uri(stack.Settings[LocalStackSettings.WebhooksBaseUrl]), "teams/ops"), new StringContent("{}", Encoding.UTF8, "application/json"));
            await stack.Smtp.Messages.WaitForCountAsync(1, TimeSpan.FromSeconds(10));
            await stack.Webhooks.Requests.WaitForCountAsync(1, TimeSpan.FromSeconds(10));

            Assert.Single(Directory.GetFiles(capture, "*.eml"));
            Assert.Single(Directory.GetFiles(capture, "*.json"));
        }
        finally
        {
            Directory.Delete(capture, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_OnePartFails_ThrowsNamingItAndLeavesNoAzuriteRunning()
    {
        var root = Directory.CreateTempSubdirectory("stack-bad-replay-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "comext"));
            await File.WriteAllTextAsync(Path.Combine(root, "comext", "recordings.json"), "[{\"method\":\"GET\"}]");

            var error = await Assert.ThrowsAsync<LocalStackStartException>(() => LocalStack.StartAsync(new LocalStackOptions
            {
                Components = LocalStackComponents.Azurite | LocalStackComponents.Smtp | LocalStackComponents.Replay,
                ReplayRoot = root,
            }));

            Assert.Equal(LocalStackComponents.Replay, error.Failed);
            Assert.IsType<ReplayManifestException>(error.InnerException);
            Assert.Contains("$[0].path", error.Message, StringComparison.Ordinal);
            Assert.Empty(ProcessProbe.ChildrenWithCommandLine("guard.js"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
