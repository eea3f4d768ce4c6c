using System.Text.Json;
using Alerts.LocalServiceBus.Filters;

namespace Alerts.LocalServiceBus.Topology;

/// <summary>
/// Reads a topology in the official Service Bus emulator's <c>Config.json</c> shape
/// (<c>UserConfig.Namespaces[].Topics[].Subscriptions[].Rules[]</c>, ISO-8601 durations).
/// Every problem is a <see cref="TopologyException"/> naming the file and the JSON path of the field.
/// </summary>
internal static class TopologyLoader
{
    /// <summary>Name of the embedded project topology (<c>infra/local/servicebus/Config.json</c>).</summary>
    public const string EmbeddedResourceName = "Alerts.LocalServiceBus.Config.json";

    private static readonly TimeSpan DefaultLockDuration = TimeSpan.FromMinutes(1);
    private const int DefaultMaxDeliveryCount = 10;

    /// <summary>Loads a topology file.</summary>
    public static TopologyDefinition LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TopologyException($"{path}: cannot read the topology file: {e.Message}");
        }

        return Parse(json, path);
    }

    /// <summary>Loads the project's own topology, embedded in this assembly.</summary>
    public static TopologyDefinition LoadEmbedded()
    {
        using var stream = typeof(TopologyLoader).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new TopologyException($"{EmbeddedResourceName}: embedded topology missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), EmbeddedResourceName);
    }

    /// <summary>Parses topology JSON; <paramref name="source"/> names the file in errors.</summary>
    public static TopologyDefinition Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new TopologyException($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }

        using (document)
        {
            var reader = new JsonFieldReader(source);
            var namespaces = reader.Array(reader.Object(reader.Object(document.RootElement, "$").Required("UserConfig"), "$.UserConfig").Required("Namespaces"), "$.UserConfig.Namespaces");
            if (namespaces.Count == 0)
            {
                throw reader.Error("$.UserConfig.Namespaces", "at least one namespace is required");
            }

            var topics = new List<TopicDefinition>();
            for (var n = 0; n < namespaces.Count; n++)
            {
                var nsPath = $"$.UserConfig.Namespaces[{n}]";
                var ns = reader.Object(namespaces[n], nsPath);
                if (ns.Optional("Queues") is { } queues && reader.Array(queues, nsPath + ".Queues").Count > 0)
                {
                    throw reader.Error(nsPath + ".Queues", "queues are not supported by the loopback Service Bus (topics only)");
                }

                var topicArray = ns.Optional("Topics") is { } t ? reader.Array(t, nsPath + ".Topics") : [];
                for (var i = 0; i < topicArray.Count; i++)
                {
                    topics.Add(ReadTopic(reader, topicArray[i], $"{nsPath}.Topics[{i}]"));
                }
            }

            var duplicate = topics.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw reader.Error("$.UserConfig.Namespaces", $"topic '{duplicate.Key}' is declared more than once");
            }

            return new TopologyDefinition(topics);
        }
    }

    private static TopicDefinition ReadTopic(JsonFieldReader reader, JsonElement element, string path)
    {
        var topic = reader.Object(element, path);
        var name = reader.Name(topic.Required("Name"), path + ".Name");
        TimeSpan? window = null;
        if (topic.Optional("Properties") is { } propertiesElement)
        {
            var properties = reader.Object(propertiesElement, path + ".Properties");
            var requires = properties.Optional("RequiresDuplicateDetection") is { } r && reader.Bool(r, path + ".Properties.RequiresDuplicateDetection");
            if (requires)
            {
                window = properties.Optional("DuplicateDetectionHistoryTimeWindow") is { } w
                    ? reader.Duration(w, path + ".Properties.DuplicateDetectionHistoryTimeWindow")
                    : TimeSpan.FromMinutes(10);
            }
        }

        var subscriptions = new List<SubscriptionDefinition>();
        var array = topic.Optional("Subscriptions") is { } s ? reader.Array(s, path + ".Subscriptions") : [];
        for (var i = 0; i < array.Count; i++)
        {
            var subscription = ReadSubscription(reader, array[i], $"{path}.Subscriptions[{i}]");
            if (subscriptions.Any(x => string.Equals(x.Name, subscription.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw reader.Error($"{path}.Subscriptions[{i}].Name", $"subscription '{subscription.Name}' is declared more than once");
            }

            subscriptions.Add(subscription);
        }

        return new TopicDefinition(name, window, subscriptions);
    }

    private static SubscriptionDefinition ReadSubscription(JsonFieldReader reader, JsonElement element, string path)
    {
        var subscription = reader.Object(element, path);
        var name = reader.Name(subscription.Required("Name"), path + ".Name");
        var lockDuration = DefaultLockDuration;
        var maxDeliveryCount = DefaultMaxDeliveryCount;
        if (subscription.Optional("Properties") is { } propertiesElement)
        {
            var properties = reader.Object(propertiesElement, path + ".Properties");
            if (properties.Optional("LockDuration") is { } l)
            {
                lockDuration = reader.Duration(l, path + ".Properties.LockDuration");
            }

            if (properties.Optional("MaxDeliveryCount") is { } m)
            {
                maxDeliveryCount = reader.PositiveInt(m, path + ".Properties.MaxDeliveryCount");
            }

            if (properties.Optional("RequiresSession") is { } session && reader.Bool(session, path + ".Properties.RequiresSession"))
            {
                throw reader.Error(path + ".Properties.RequiresSession", "sessions are not supported by the loopback Service Bus");
            }
        }

        var rules = new List<Broker.SubscriptionRule>();
        var array = subscription.Optional("Rules") is { } r ? reader.Array(r, path + ".Rules") : [];
        for (var i = 0; i < array.Count; i++)
        {
            rules.Add(ReadRule(reader, array[i], $"{path}.Rules[{i}]"));
        }

        return new SubscriptionDefinition(name, lockDuration, maxDeliveryCount, rules);
    }

    private static Broker.SubscriptionRule ReadRule(JsonFieldReader reader, JsonElement element, string path)
    {
        var rule = reader.Object(element, path);
        var name = reader.Name(rule.Required("Name"), path + ".Name");
        var properties = reader.Object(rule.Required("Properties"), path + ".Properties");
        var filterType = reader.String(properties.Required("FilterType"), path + ".Properties.FilterType");
        MessageFilter filter;
        if (string.Equals(filterType, "Sql", StringComparison.OrdinalIgnoreCase))
        {
            var sqlPath = path + ".Properties.SqlFilter.SqlExpression";
            var sql = reader.Object(properties.Required("SqlFilter"), path + ".Properties.SqlFilter");
            var expression = reader.String(sql.Required("SqlExpression"), sqlPath);
            try
            {
                filter = SqlFilter.Parse(expression);
            }
            catch (FilterSyntaxException e)
            {
                throw reader.Error(sqlPath, $"SQL filter does not parse at position {e.Position}: {e.Message}");
            }
        }
        else if (string.Equals(filterType, "Correlation", StringComparison.OrdinalIgnoreCase))
        {
            filter = ReadCorrelation(reader, properties.Required("CorrelationFilter"), path + ".Properties.CorrelationFilter");
        }
        else
        {
            throw reader.Error(path + ".Properties.FilterType", $"'{filterType}' is not a filter type (expected Sql or Correlation)");
        }

        if (properties.Optional("Action") is { } actionElement
            && reader.Object(actionElement, path + ".Properties.Action").Optional("SqlExpression") is { } action
            && !string.IsNullOrWhiteSpace(reader.String(action, path + ".Properties.Action.SqlExpression")))
        {
            throw reader.Error(path + ".Properties.Action.SqlExpression", "rule actions are not supported by the loopback Service Bus");
        }

        return new Broker.SubscriptionRule(name, filter);
    }

    private static CorrelationFilter ReadCorrelation(JsonFieldReader reader, JsonElement element, string path)
    {
        var correlation = reader.Object(element, path);
        var system = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var application = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in correlation.Element.EnumerateObject())
        {
            var fieldPath = $"{path}.{property.Name}";
            if (property.NameEquals("Properties"))
            {
                foreach (var user in reader.Object(property.Value, fieldPath).Element.EnumerateObject())
                {
                    application[user.Name] = reader.Scalar(user.Value, $"{fieldPath}.{user.Name}");
                }

                continue;
            }

            if (!CorrelationSystemProperties.Contains(property.Name))
            {
                throw reader.Error(fieldPath, $"'{property.Name}' is not a correlation filter property");
            }

            var value = reader.String(property.Value, fieldPath);
            if (!string.IsNullOrEmpty(value))
            {
                system[property.Name == "Label" ? "Label" : property.Name] = value;
            }
        }

        return new CorrelationFilter(system, application);
    }

    private static readonly HashSet<string> CorrelationSystemProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "ContentType", "CorrelationId", "Label", "Subject", "MessageId", "ReplyTo", "ReplyToSessionId", "SessionId", "To",
    };
}
