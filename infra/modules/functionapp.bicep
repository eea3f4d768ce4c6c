// The Functions app on a Flex Consumption plan (Linux, dotnet-isolated 10.0). It runs as the user-assigned
// identity: host storage, deployment package, Service Bus, tables, blobs, Key Vault references and
// Application Insights all authenticate with it, so no app setting holds a key.
import { appSettings as appSettingsOf, smtpSettings } from 'appsettings.bicep'

param location string
param tags object
param token string
param identityId string
param identityClientId string
param maximumInstanceCount int
param deploymentContainerUrl string
param storageAccountName string
param tableServiceUri string
param blobServiceUri string
param serviceBusHost string
param appInsightsConnectionString string
param smtp smtpSettings
@description('Key Vault holding the SMTP password and the Comtrade key.')
param keyVaultName string
@description('Whether the app reads the Comtrade key from Key Vault; false: it runs without a key.')
param useComtradeKey bool
param teamsAllowedHosts string[]
param authClientId string

@description('NCRONTAB schedules of the timer functions (Schedules__*).')
param schedules object = {
  Pull: '0 0 6 * * *'
  Route: '0 */5 * * * *'
  DeliverEmail: '0 */1 * * * *'
  DeliverTeams: '30 */1 * * * *'
  Recalculations: '15 */1 * * * *'
  Digest: '0 */5 * * * *'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-alerts-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-alerts-${token}'
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// Publishing with basic (user name + password) credentials is off; azd deploys with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettingsOf({
    identityClientId: identityClientId
    storageAccountName: storageAccountName
    tableServiceUri: tableServiceUri
    blobServiceUri: blobServiceUri
    serviceBusHost: serviceBusHost
    appInsightsConnectionString: appInsightsConnectionString
    publicBaseUrl: 'https://${site.properties.defaultHostName}'
    schedules: schedules
    smtp: smtp
    keyVaultName: keyVaultName
    useComtradeKey: useComtradeKey
    teamsAllowedHosts: teamsAllowedHosts
  })
}

module auth 'auth.bicep' = {
  name: 'auth'
  params: {
    siteName: site.name
    authClientId: authClientId
  }
}

output name string = site.name
output apiBaseUrl string = 'https://${site.properties.defaultHostName}/api'
