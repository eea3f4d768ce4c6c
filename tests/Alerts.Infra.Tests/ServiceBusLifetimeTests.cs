using System.Xml;
using Alerts.Infra.Tests.Template;

namespace Alerts.Infra.Tests;

/// <summary>
/// Messages must outlive a burst and an outage: with a lifetime of an hour, a rule change that re-evaluates everything
/// (more events than an hour of drain runs take) expired into the dead-letter queue unseen. Days, not hours.
/// </summary>
public sealed class ServiceBusLifetimeTests
{
    private static readonly TimeSpan AtLeast = TimeSpan.FromDays(7);

    [Fact]
    public void MessageTimeToLive_EveryTopicAndSubscriptionDeployed_IsAtLeastSevenDays()
    {
        var deployment = Deployments.WithSecrets;
        var entities = deployment.OfType("Microsoft.ServiceBus/namespaces/topics")
            .Concat(deployment.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions"))
            .ToList();

        Assert.NotEmpty(entities);
        foreach (var entity in entities)
        {
            var ttl = entity["properties"]?["defaultMessageTimeToLive"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(ttl), $"{entity["name"]} has no defaultMessageTimeToLive (the service default would apply)");
            Assert.True(XmlConvert.ToTimeSpan(ttl) >= AtLeast, $"{entity["name"]}: defaultMessageTimeToLive {ttl} is shorter than {AtLeast.TotalDays} days");
        }
    }
}
