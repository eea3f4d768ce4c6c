// Service Bus Standard with the topology of infra/local/servicebus/Config.json, the file the loopback broker
// and the official emulator also read: topics, subscriptions and rules are generated from it, never listed here.
param location string
param tags object
param token string
param appPrincipalId string

var roles = loadJsonContent('roles.json')
var topology = loadJsonContent('../local/servicebus/Config.json')
var topics = flatten(map(topology.UserConfig.Namespaces, ns => ns.?Topics ?? []))
var subscriptions = flatten(map(range(0, length(topics)), t => map(topics[t].?Subscriptions ?? [], s => {
  topic: t
  name: s.Name
  properties: s.?Properties ?? {}
  rules: s.?Rules ?? []
})))
var rules = flatten(map(range(0, length(subscriptions)), s => map(subscriptions[s].rules, r => {
  subscription: s
  name: r.Name
  properties: r.Properties
})))

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: 'sb-alerts-${token}'
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topicResources 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topic in topics: {
    parent: namespace
    name: topic.Name
    properties: {
      defaultMessageTimeToLive: topic.?Properties.?DefaultMessageTimeToLive
      requiresDuplicateDetection: topic.?Properties.?RequiresDuplicateDetection ?? false
      duplicateDetectionHistoryTimeWindow: topic.?Properties.?DuplicateDetectionHistoryTimeWindow
    }
  }
]

resource subscriptionResources 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for s in subscriptions: {
    parent: topicResources[s.topic]
    name: s.name
    properties: {
      lockDuration: s.properties.?LockDuration
      maxDeliveryCount: s.properties.?MaxDeliveryCount
      defaultMessageTimeToLive: s.properties.?DefaultMessageTimeToLive
      deadLetteringOnMessageExpiration: s.properties.?DeadLetteringOnMessageExpiration ?? false
      requiresSession: s.properties.?RequiresSession ?? false
      forwardTo: empty(s.properties.?ForwardTo ?? '') ? null : s.properties.ForwardTo
      forwardDeadLetteredMessagesTo: empty(s.properties.?ForwardDeadLetteredMessagesTo ?? '') ? null : s.properties.ForwardDeadLetteredMessagesTo
    }
  }
]

resource ruleResources 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [
  for r in rules: {
    parent: subscriptionResources[r.subscription]
    name: r.name
    properties: r.properties.FilterType =~ 'Sql'
      ? {
          filterType: 'SqlFilter'
          sqlFilter: { sqlExpression: r.properties.SqlFilter.SqlExpression }
          action: empty(r.properties.?Action.?SqlExpression ?? '') ? null : { sqlExpression: r.properties.Action.SqlExpression }
        }
      : {
          filterType: 'CorrelationFilter'
          correlationFilter: {
            correlationId: r.properties.CorrelationFilter.?CorrelationId
            contentType: r.properties.CorrelationFilter.?ContentType
            label: r.properties.CorrelationFilter.?Label
            messageId: r.properties.CorrelationFilter.?MessageId
            replyTo: r.properties.CorrelationFilter.?ReplyTo
            replyToSessionId: r.properties.CorrelationFilter.?ReplyToSessionId
            sessionId: r.properties.CorrelationFilter.?SessionId
            to: r.properties.CorrelationFilter.?To
            properties: r.properties.CorrelationFilter.?Properties
          }
          action: empty(r.properties.?Action.?SqlExpression ?? '') ? null : { sqlExpression: r.properties.Action.SqlExpression }
        }
  }
]

// The app sends to every topic (pull -> breaches, route -> notifications) and drains every subscription;
// both roles are scoped to the topics, not the namespace.
resource senders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (topic, i) in topics: {
    name: guid(topicResources[i].id, appPrincipalId, roles.serviceBusDataSender)
    scope: topicResources[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource receivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (topic, i) in topics: {
    name: guid(topicResources[i].id, appPrincipalId, roles.serviceBusDataReceiver)
    scope: topicResources[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

output host string = '${namespace.name}.servicebus.windows.net'
