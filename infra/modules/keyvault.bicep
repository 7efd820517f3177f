// Key Vault (RBAC) holding the secrets the App Service reads through Key Vault references.
param name string
param location string
param readerPrincipalId string
@secure()
param itopToken string
@secure()
param stateConnectionString string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource itopTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'itop-token'
  properties: {
    value: itopToken
    contentType: 'iTop application token'
  }
}

resource stateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'state-connection-string'
  properties: {
    value: stateConnectionString
    contentType: 'Npgsql connection string'
  }
}

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: secretsUserRoleId
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
// Versionless URIs: App Service picks up a rotated secret without a redeployment.
output itopTokenSecretUri string = itopTokenSecret.properties.secretUri
output stateConnectionStringSecretUri string = stateSecret.properties.secretUri
