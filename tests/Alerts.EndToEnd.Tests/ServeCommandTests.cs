using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Functions.Http.Identity;
using Alerts.TestKit;
using MimeKit;

namespace Alerts.EndToEnd.Tests;

/// <summary><c>alerts serve</c> as a new user meets it: a real process, its printed settings, the API over HTTP, the captured mail, SIGTERM.</summary>
[Collection(ProcessSensitiveCollection.Name)]
public sealed class ServeCommandTests
{
    // Generous: on a fresh clone the first start installs Azurite with npm ci.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Serve_NewUserWalk_SubscribeRecalculateSeeMailThenStopWithZero()
    {
        using var cli = StartCli("serve", "--no-sample", "--port", "0");
        try
        {
            var settings = await CliProcess.ReadSettingsUntilReadyAsync(cli, ReadyTimeout, "serve");
            foreach (var name in new[] { "Api__BaseUrl", "Api__FunctionKey", "Web__BaseUrl", "Capture__Directory", "Mailbox__Url", "Webhooks__BaseUrl", "ServiceBus__ConnectionString", "Storage__ConnectionString" })
            {
                Assert.True(settings.ContainsKey(name), $"{name} should be printed before ready");
            }

            using var http = new HttpClient { BaseAddress = new Uri(settings["Api__BaseUrl"]) };
            http.DefaultRequestHeaders.Add("x-functions-key", settings["Api__FunctionKey"]);
            // As App Service authentication would pass the caller on (serve runs as Development and trusts them); an admin may recalculate.
            foreach (var (name, value) in ClientPrincipalHeader.Create("aad", "new-user", CallerPrincipal.AdminRole))
            {
                http.DefaultRequestHeaders.Add(name, value);
            }

            // 1. subscribe: every warning or worse, by mail
            using var created = await http.PostAsJsonAsync("subscriptions", new { channel = "email", target = "new.user@example.eu", minSeverity = "warning" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            // 1b. the only mail to the new address asks for confirmation; its link's form POSTs to confirm
            var verification = await WaitForMailAsync(settings["Capture__Directory"], "new.user@example.eu", s => s.StartsWith("Confirm", StringComparison.Ordinal));
            var link = new Uri(System.Text.RegularExpressions.Regex.Match(verification.TextBody!, @"https?://\S+/confirm\?token=\S+").Value);
            using var confirm = new HttpClient();
            using var confirmed = await confirm.PostAsync(new Uri(new Uri(settings["Api__BaseUrl"]), link.PathAndQuery), null);
            Assert.True(confirmed.IsSuccessStatusCode, $"confirm answered {(int)confirmed.StatusCode}");

            // 2. recalculate: a 202 with the status resource, polled until the worker's timer has run it
            using var recalculation = await http.PostAsJsonAsync("recalculations", new { products = new[] { "850511" } });
            Assert.Equal(HttpStatusCode.Accepted, recalculation.StatusCode);
            var report = await FinishedAsync(http, recalculation);
            Assert.Contains("\"850511\"", report, StringComparison.Ordinal);

            // 3. the timers route and deliver: the mail to the new user lands in the capture folder
            var mail = await WaitForMailAsync(settings["Capture__Directory"], "new.user@example.eu", s => s.StartsWith('['));
            Assert.Matches(@"^\[(warning|critical)\] ", mail.Subject);
            Assert.False(string.IsNullOrEmpty(mail.HtmlBody));

            // 4. the mailbox page lists it
            using var page = new HttpClient();
            var mailbox = await page.GetStringAsync(new Uri(settings["Mailbox__Url"]));
            Assert.Contains("new.user@example.eu", mailbox, StringComparison.Ordinal);

            // 4b. the analysts' page opens in a plain browser: serve signs it in as the local user "me"
            var overview = await page.GetStringAsync(new Uri(settings["Web__BaseUrl"]));
            Assert.Contains("Signed in as me", overview, StringComparison.Ordinal);
            Assert.Contains("data-material=\"rare-earths\"", overview, StringComparison.Ordinal);

            // 5. stop as a service manager would
            await CliProcess.SignalAsync(cli.Id, "TERM");
            using var exit = new CancellationTokenSource(ExitTimeout);
            await cli.WaitForExitAsync(exit.Token);
            Assert.Equal(0, cli.ExitCode);
            Assert.False(await ProcessProbe.AcceptsAsync(new Uri(settings["Api__BaseUrl"]).Port));
        }
        finally
        {
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Serve_SettingsFileMissing_ExitsOneNamingIt()
    {
        using var cli = StartCli("serve", "--settings", "/nonexistent/local.settings.json", "--port", "0");
        using var exit = new CancellationTokenSource(ExitTimeout);

        var errors = await cli.StandardError.ReadToEndAsync(exit.Token);
        await cli.WaitForExitAsync(exit.Token);

        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("/nonexistent/local.settings.json", errors, StringComparison.Ordinal);
    }

    private static async Task<string> FinishedAsync(HttpClient http, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadAsStringAsync();
        }

        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException("202 without Location");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < MailTimeout)
        {
            var status = await http.GetFromJsonAsync<JsonElement>(location);
            switch (status.GetProperty("status").GetString())
            {
                case "succeeded":
                    return status.ToString();
                case "failed":
                    throw new Xunit.Sdk.XunitException($"recalculation failed: {status}");
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException("the recalculation did not finish");
    }

    private static async Task<MimeMessage> WaitForMailAsync(string directory, string recipient, Func<string, bool> subject)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < MailTimeout)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == recipient) && subject(message.Subject ?? string.Empty))
                {
                    return message;
                }
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException($"no mail to {recipient} in {directory} within {MailTimeout}");
    }

    private static Process StartCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alerts.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
