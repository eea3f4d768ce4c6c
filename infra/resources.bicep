// Everything in the resource group, in the order a breach needs it: identity, telemetry, storage, Service Bus,
// secrets, then the Functions app that uses them.
param location string
param tags object
param token string
param principalId string
param authClientId string
param smtp { host: string, port: int, from: string, userName: string }
@secure()
param smtpPassword string
@secure()
param comtradeSubscriptionKey string
@secure()
param linkSigningKey string
param useComtradeKey bool
param teamsAllowedHosts array
param maximumInstanceCount int

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-alerts-${token}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    token: token
    appPrincipalId: identity.properties.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    token: token
    appPrincipalId: identity.properties.principalId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    location: location
    tags: tags
    token: token
    appPrincipalId: identity.properties.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    token: token
    appPrincipalId: identity.properties.principalId
    operatorPrincipalId: principalId
    smtpPassword: smtpPassword
    comtradeSubscriptionKey: comtradeSubscriptionKey
    linkSigningKey: linkSigningKey
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    tags: tags
    token: token
    identityId: identity.id
    identityClientId: identity.properties.clientId
    maximumInstanceCount: maximumInstanceCount
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    storageAccountName: storage.outputs.name
    tableServiceUri: storage.outputs.tableServiceUri
    blobServiceUri: storage.outputs.blobServiceUri
    serviceBusHost: serviceBus.outputs.host
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    smtp: smtp
    keyVaultName: keyVault.outputs.name
    useComtradeKey: useComtradeKey
    teamsAllowedHosts: teamsAllowedHosts
    authClientId: authClientId
  }
}

output apiBaseUrl string = functionApp.outputs.apiBaseUrl
output functionAppName string = functionApp.outputs.name
output keyVaultName string = keyVault.outputs.name
output serviceBusNamespace string = serviceBus.outputs.host
output storageAccountName string = storage.outputs.name
