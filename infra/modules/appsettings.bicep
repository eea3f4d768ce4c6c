// The app settings of the Functions app, by the names the code binds (README "Settings"). Identity-based
// connections only: account names, namespaces and service URIs, never keys; secrets are Key Vault references.

@export()
@description('Names of the Key Vault secrets the app reads through references.')
var secretNames = {
  smtpPassword: 'smtp-password'
  comtradeKey: 'comtrade-subscription-key'
  linkSigningKey: 'link-signing-key'
}

@export()
type smtpSettings = { host: string, port: int, from: string, userName: string }

@export()
type settingsInput = {
  identityClientId: string
  storageAccountName: string
  tableServiceUri: string
  blobServiceUri: string
  serviceBusHost: string
  appInsightsConnectionString: string
  publicBaseUrl: string
  schedules: object
  smtp: smtpSettings
  keyVaultName: string
  useComtradeKey: bool
  teamsAllowedHosts: string[]
}

@export()
func appSettings(s settingsInput) object =>
  union(
    {
      // The Functions host's own storage (timer leases, host state), with the app's identity.
      AzureWebJobsStorage__accountName: s.storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: s.identityClientId
      // The one credential of the app's Azure clients (Service Bus, tables, blobs, the Azure Monitor exporter):
      // this user-assigned identity. AZURE_CLIENT_ID serves tools that use DefaultAzureCredential directly.
      Azure__ManagedIdentityClientId: s.identityClientId
      AZURE_CLIENT_ID: s.identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: s.appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${s.identityClientId};Authorization=AAD'
      ServiceBus__FullyQualifiedNamespace: s.serviceBusHost
      Storage__TableServiceUri: s.tableServiceUri
      Storage__BlobServiceUri: s.blobServiceUri
      PublicBaseUrl: s.publicBaseUrl
      Smtp__Host: s.smtp.host
      Smtp__Port: string(s.smtp.port)
      Smtp__From: s.smtp.from
      Smtp__Security: 'StartTls'
      Subscriptions__SigningKeys__0: vaultReference(s.keyVaultName, secretNames.linkSigningKey)
    },
    toObject(items(s.schedules), e => 'Schedules__${e.key}', e => e.value),
    toObject(range(0, length(s.teamsAllowedHosts)), i => 'Teams__AllowedHosts__${i}', i => s.teamsAllowedHosts[i]),
    empty(s.smtp.userName) ? {} : { Smtp__UserName: s.smtp.userName, Smtp__Password: vaultReference(s.keyVaultName, secretNames.smtpPassword) },
    s.useComtradeKey ? { Sources__Comtrade__SubscriptionKey: vaultReference(s.keyVaultName, secretNames.comtradeKey) } : {}
  )

// Versionless: App Service picks up a new secret version within a day, or at once on a references refresh.
func vaultReference(vault string, secret string) string => '@Microsoft.KeyVault(VaultName=${vault};SecretName=${secret})'
