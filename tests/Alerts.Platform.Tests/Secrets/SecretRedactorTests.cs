using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;

using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Platform.Tests.Secrets;

/// <summary>
/// The shared redaction test: every kind of secret the service handles, through every entry point. The
/// adapters' tests (integration tests) check that their errors and logs go through these.
/// </summary>
public sealed class SecretRedactorTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // (entry point, input, expected output, secret that must be gone)
        // Workflows URL: scheme and host stay, path and signature go
        { "url", "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=S3CR3T", "https://prod-12.westeurope.logic.azure.com/***", "S3CR3T" },
        // non-default port is kept, path goes
        { "url", "http://127.0.0.1:5123/hooks/teams/T0KEN", "http://127.0.0.1:5123/***", "T0KEN" },
        // email local part goes, domain stays
        { "email", "jane.doe@corp.example.com", "***@corp.example.com", "jane.doe" },
        // teams target redacts as a URL
        { "teams", "https://x.webhook.office.com/webhookb2/T0KEN", "https://x.webhook.office.com/***", "T0KEN" },
        // email target redacts as an address
        { "email-target", "jane@corp.example.com", "***@corp.example.com", "jane" },
        // Service Bus connection string
        { "connection", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=K3Y+/=", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=***", "K3Y+/=" },
        // Storage connection string
        { "connection", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02x==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=***;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;", "Eby8vdM02x" },
        // SMTP-style password, any case
        { "connection", "Host=smtp.example.com;User=alerts;PASSWORD=hunter2", "Host=smtp.example.com;User=alerts;PASSWORD=***", "hunter2" },
        // quoted password
        { "connection", "Server=db;Pwd=\"p;a ss\";Database=x", "Server=db;Pwd=***;Database=x", "p;a ss" },
        // free text with a URL, an address and a key
        { "text", "POST https://prod-1.westeurope.logic.azure.com/workflows/abc?sig=S1G failed for bob@example.com using AccountKey=K3Y", "POST https://prod-1.westeurope.logic.azure.com/*** failed for ***@example.com using AccountKey=***", "S1G" },
        // SMTP server reply that echoes the recipient
        { "text", "5.1.1 <bob.smith@example.org>: Recipient address rejected", "5.1.1 <***@example.org>: Recipient address rejected", "bob.smith" },
        // SAS token in a query
        { "text", "GET https://acct.blob.core.windows.net/c/b?sv=2024&sig=abcd%2B", "GET https://acct.blob.core.windows.net/***", "abcd" },
        // a bare sig parameter outside a URL
        { "text", "signature sig=abcdef expired", "signature sig=*** expired", "abcdef" },
        // nothing secret: unchanged
        { "text", "HTTP 404 Not Found", "HTTP 404 Not Found", "\u0000" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Redact_EveryEntryPoint_MasksTheSecret(string entry, string input, string expected, string secret)
    {
        var output = entry switch
        {
            "url" => SecretRedactor.RedactUrl(input),
            "email" => SecretRedactor.RedactEmail(input),
            "teams" => Channels.RedactTarget(Channels.Teams, input),
            "email-target" => Channels.RedactTarget(Channels.Email, input),
            "connection" => SecretRedactor.RedactConnectionString(input),
            _ => SecretRedactor.Redact(input),
        };

        Assert.Equal(expected, output);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);

        // The free-text redactor must catch the same secret wherever it appears.
        Assert.DoesNotContain(secret, SecretRedactor.Redact("error: " + input + " (retrying)"), StringComparison.Ordinal);
    }

    [Fact]
    public void RedactUrl_NotAUrl_HidesEverything()
    {
        Assert.Equal(SecretRedactor.Mask, SecretRedactor.RedactUrl("garbage-with-S3CR3T"));
    }

    [Fact]
    public void Redact_Twice_SameAsOnce()
    {
        const string text = "to bob@example.com via https://x.logic.azure.com/w?sig=1 with Password=p";

        Assert.Equal(SecretRedactor.Redact(text), SecretRedactor.Redact(SecretRedactor.Redact(text)));
    }
}
