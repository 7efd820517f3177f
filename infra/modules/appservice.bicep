// Linux App Service running the ChatOpsBot container with the bot's user-assigned managed identity.
param baseName string
param siteName string
param location string
param skuName string
param instances int
param image string
param identityId string
param identityClientId string
param tenantId string
param itopBaseUrl string
param itopVersion string
param itopTokenSecretUri string
param stateConnectionStringSecretUri string
@secure()
param appInsightsConnectionString string
param otlpEndpoint string
param groupDeskEmails array
param extraAppSettings object
param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'asp-${baseName}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instances
  }
  properties: {
    reserved: true
  }
}

var settings = union(
  {
    // The container listens on 8080 (infra/Dockerfile).
    WEBSITES_PORT: '8080'
    WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false'
    Bot__MicrosoftAppId: identityClientId
    Bot__MicrosoftAppTenantId: tenantId
    Bot__ManagedIdentityClientId: identityClientId
    State__Provider: 'Postgres'
    State__ConnectionString: '@Microsoft.KeyVault(SecretUri=${stateConnectionStringSecretUri})'
    Itop__BaseUrl: itopBaseUrl
    Itop__Version: itopVersion
    Itop__Token: '@Microsoft.KeyVault(SecretUri=${itopTokenSecretUri})'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    OTEL_SERVICE_NAME: 'chatopsbot'
    OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=${baseName}'
  },
  empty(otlpEndpoint) ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint },
  toObject(range(0, length(groupDeskEmails)), i => 'Roles__GroupDeskEmails__${i}', i => string(groupDeskEmails[i])),
  extraAppSettings)

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references are resolved with the user-assigned identity (Key Vault Secrets User).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identityClientId
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [for setting in items(settings): {
        name: setting.key
        value: string(setting.value)
      }]
    }
  }
}

output siteName string = site.name
output defaultHostName string = site.properties.defaultHostName
