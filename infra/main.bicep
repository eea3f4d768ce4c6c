// Alerts in Azure: one resource group holding the Functions app (Flex Consumption) and what it talks to.
// Every connection is identity-based through one user-assigned managed identity; no keys in app settings.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
param location string

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer to manage the secrets. Empty: none.')
param principalId string = ''

@description('Application (client) id of the Microsoft Entra app registration that protects the API (see infra/hooks).')
param authClientId string

@description('SMTP server host name.')
param smtpHost string

@description('SMTP port (587 for submission with STARTTLS).')
param smtpPort int = 587

@description('Sender address of the alert emails.')
param smtpFrom string

@description('SMTP user name; empty for a relay without authentication.')
param smtpUserName string = ''

@secure()
@description('SMTP password, stored in Key Vault. Empty keeps the secret already in the vault.')
param smtpPassword string = ''

@secure()
@description('UN Comtrade subscription key, stored in Key Vault. Empty keeps the secret already in the vault.')
param comtradeSubscriptionKey string = ''

@secure()
@minLength(32)
@description('Key that signs subscribers\' verification and unsubscribe links (Subscriptions__SigningKeys__0), stored in Key Vault: a random secret of 32+ characters. Keep it across deployments (links in sent mail stay valid); to rotate, see the README.')
param linkSigningKey string

@description('Whether the app reads the Comtrade key from Key Vault (set once the secret exists).')
param useComtradeKey bool = false

@description('Host names Teams webhooks may post to.')
param teamsAllowedHosts array = [
  '*.logic.azure.com'
  '*.powerplatform.com'
]

@description('Maximum instances of the Flex Consumption plan.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'alerts-resources'
  scope: group
  params: {
    location: location
    tags: tags
    token: token
    principalId: principalId
    authClientId: authClientId
    smtp: {
      host: smtpHost
      port: smtpPort
      from: smtpFrom
      userName: smtpUserName
    }
    smtpPassword: smtpPassword
    comtradeSubscriptionKey: comtradeSubscriptionKey
    linkSigningKey: linkSigningKey
    useComtradeKey: useComtradeKey
    teamsAllowedHosts: teamsAllowedHosts
    maximumInstanceCount: maximumInstanceCount
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output API_BASE_URL string = resources.outputs.apiBaseUrl
output AZURE_FUNCTION_APP_NAME string = resources.outputs.functionAppName
output AZURE_KEY_VAULT_NAME string = resources.outputs.keyVaultName
output AZURE_SERVICEBUS_NAMESPACE string = resources.outputs.serviceBusNamespace
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName
