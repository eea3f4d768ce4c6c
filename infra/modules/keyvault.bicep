// Key Vault in RBAC mode for the two secrets the app reads through Key Vault references. A secret is written
// only when a value is given, so a later `azd provision` without one keeps what an operator rotated in.
param location string
param tags object
param token string
param appPrincipalId string
@description('Operator who manages the secrets (Key Vault Secrets Officer); empty: none.')
param operatorPrincipalId string
@secure()
param smtpPassword string
@secure()
param comtradeSubscriptionKey string
@secure()
param linkSigningKey string

import { secretNames } from 'appsettings.bicep'

var roles = loadJsonContent('roles.json')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-alerts-${take(token, 13)}'
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: secretNames.smtpPassword
  properties: { value: smtpPassword }
}

resource comtradeKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(comtradeSubscriptionKey)) {
  parent: vault
  name: secretNames.comtradeKey
  properties: { value: comtradeSubscriptionKey }
}

resource linkSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretNames.linkSigningKey
  properties: { value: linkSigningKey }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: operatorPrincipalId
  }
}

output name string = vault.name
