// One account for the Functions host (AzureWebJobsStorage: blobs and queues), the deployment package and the
// app's own tables and containers. Shared keys off: every caller signs in with Entra ID.
param location string
param tags object
param token string
param appPrincipalId string

@description('The app\'s tables and blob containers (Alerts.Platform StorageNames; a test keeps them equal).')
param tables array = ['indices', 'alerts', 'subscriptions', 'notificationlog', 'deliveries', 'endpointhealth', 'pullstate', 'notificationgroups', 'silences', 'heldnotifications']
param containers array = ['snapshots', 'raw', 'outbox']

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainer string = 'app-package'

var roles = loadJsonContent('roles.json')
// Blob Data Owner: the host's timer leases and the deployment package; Queue: the host's internal queues;
// Table: the app's state. Scoped to this account only.
var dataRoles = [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: 'stalerts${take(token, 16)}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for name in concat(containers, [deploymentContainer]): {
    parent: blobService
    name: name
    properties: { publicAccess: 'None' }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource appTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for name in tables: {
    parent: tableService
    name: name
  }
]

resource dataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in dataRoles: {
    name: guid(account.id, appPrincipalId, role)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = account.name
output blobServiceUri string = account.properties.primaryEndpoints.blob
output tableServiceUri string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer}'
