using Alerts.Deliver.Email;
using MailKit.Security;
using Alerts.Deliver.Tests;
using Alerts.Deliver.Tests.Teams;

namespace Alerts.Deliver.Tests.Email;

public sealed class EmailOptionsValidatorTests
{
    [Theory]
    // everything missing that must be set
    [InlineData(null, 587, null, null, null, 30, "Smtp:Host is required|Smtp:From is required")]
    // bad port
    [InlineData("smtp.example.com", 0, "alerts@example.com", null, null, 30, "Smtp:Port must be between 1 and 65535")]
    // bad sender
    [InlineData("smtp.example.com", 587, "alerts", null, null, 30, "Smtp:From is not a valid email address")]
    // password without user
    [InlineData("smtp.example.com", 587, "alerts@example.com", null, "pw", 30, "Smtp:UserName and Smtp:Password must be set together")]
    // user without password
    [InlineData("smtp.example.com", 587, "alerts@example.com", "alerts", null, 30, "Smtp:UserName and Smtp:Password must be set together")]
    // timeout out of range
    [InlineData("smtp.example.com", 587, "alerts@example.com", null, null, 0, "Smtp:Timeout must be between")]
    public void Validate_BadSettings_NamesEachSetting(string? host, int port, string? from, string? user, string? password, int timeoutSeconds, string expected)
    {
        var options = new EmailOptions
        {
            Host = host ?? string.Empty,
            Port = port,
            From = from ?? string.Empty,
            UserName = user,
            Password = password,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            Security = SecureSocketOptions.StartTls,
        };

        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(expected.Split('|').Length, result.Failures!.Count());
        foreach (var part in expected.Split('|'))
        {
            Assert.Contains(result.Failures!, f => f.StartsWith(part, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_Complete_Succeeds()
    {
        var options = new EmailOptions { Host = "smtp.example.com", From = "alerts@example.com", UserName = "u", Password = "p", Security = SecureSocketOptions.StartTls };

        Assert.True(new EmailOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    // opportunistic: a man in the middle strips the STARTTLS offer and reads the password
    [InlineData(SecureSocketOptions.Auto, true, false)]
    [InlineData(SecureSocketOptions.StartTlsWhenAvailable, true, false)]
    [InlineData(SecureSocketOptions.None, true, false)]
    // mandatory TLS
    [InlineData(SecureSocketOptions.StartTls, true, true)]
    [InlineData(SecureSocketOptions.SslOnConnect, true, true)]
    // without credentials there is no password to protect: the local sink runs with None
    [InlineData(SecureSocketOptions.None, false, true)]
    [InlineData(SecureSocketOptions.Auto, false, true)]
    public void Validate_Credentials_RequireMandatoryTls(SecureSocketOptions security, bool credentials, bool valid)
    {
        var options = new EmailOptions { Host = "smtp.example.com", From = "alerts@example.com", Security = security };
        if (credentials)
        {
            options.UserName = "alerts";
            options.Password = "Hunter2-SMTP-Pa55";
        }

        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            var failure = Assert.Single(result.Failures!);
            Assert.StartsWith("Smtp:Security must be StartTls or SslOnConnect when Smtp:UserName is set", failure, StringComparison.Ordinal);
            Assert.DoesNotContain("Hunter2", failure, StringComparison.Ordinal);
        }
    }
}
