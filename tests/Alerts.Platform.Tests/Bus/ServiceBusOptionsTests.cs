using Alerts.Evaluate.Breaches;

using Alerts.Platform.Bus;
using Alerts.Route.Notifications;

using Alerts.TestKit.Events;
using Azure.Identity;
using Azure.Messaging.ServiceBus;

namespace Alerts.Platform.Tests.Bus;

public sealed class ServiceBusOptionsTests
{
    [Theory]
    [InlineData("Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true", null, null)] // connection string
    [InlineData(null, "alerts.servicebus.windows.net", null)] // managed identity
    [InlineData(null, null, "Set ServiceBus:ConnectionString, or ServiceBus:FullyQualifiedNamespace")] // nothing
    [InlineData("SharedAccessKey=v", null, "ServiceBus:ConnectionString has no 'Endpoint=' part")] // malformed connection string
    [InlineData(null, "sb://alerts.servicebus.windows.net/", "ServiceBus:FullyQualifiedNamespace must be a host name")] // URI instead of host
    public void Validate_Settings_NamesTheBadSetting(string? connectionString, string? fqns, string? expected)
    {
        var errors = new ServiceBusOptions { ConnectionString = connectionString, FullyQualifiedNamespace = fqns }.Validate();

        if (expected is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.StartsWith(expected, Assert.Single(errors), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CreateClient_InvalidOptions_ThrowsNamingTheSetting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ServiceBusServiceCollectionExtensions.CreateClient(new ServiceBusOptions(), new DefaultAzureCredential(), new ServiceBusClientOptions()));

        Assert.Contains("ServiceBus:ConnectionString", e.Message, StringComparison.Ordinal);
    }
}
