// ChatOpsBot on Azure: a Linux container on App Service behind an Azure Bot (Teams channel), with a
// user-assigned managed identity as the bot's identity, PostgreSQL Flexible Server for the bot state,
// Key Vault for the secrets (iTop token, state connection string) and Application Insights.
targetScope = 'resourceGroup'

@description('Short environment name, part of every resource name (dev, prod, ...).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region of the resources (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Base name of the resources.')
@minLength(3)
@maxLength(12)
param appName string = 'chatopsbot'

@description('Container image to run, e.g. <registry>.azurecr.io/chatopsbot:1.2.0. Empty: the registry created here, repository chatopsbot, tag imageTag.')
param containerImage string = ''

@description('Tag of the chatopsbot image in the registry created here (used when containerImage is empty).')
param imageTag string = 'latest'

@description('Root URL of the shared iTop (the bot calls webservices/rest.php under it). Required: without it the bot would start its embedded sandbox.')
@minLength(8)
param itopBaseUrl string

@description('iTop application token of the bot\'s iTop user. Stored in Key Vault only.')
@secure()
@minLength(16)
param itopToken string

@description('iTop REST API version.')
param itopVersion string = '1.4'

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'chatopsbot'

@description('PostgreSQL administrator password. Stored in Key Vault (inside the state connection string) only.')
@secure()
@minLength(16)
param postgresAdminPassword string

@description('PostgreSQL Flexible Server SKU name and tier.')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage size in GiB.')
param postgresStorageSizeGB int = 32

@description('Zone-redundant high availability for PostgreSQL.')
param postgresHighAvailability bool = false

@description('App Service plan SKU (Linux).')
param appServiceSkuName string = 'B1'

@description('Number of App Service instances.')
@minValue(1)
param appServiceInstances int = 1

@description('Azure Bot SKU: F0 (free, standard channels) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Optional OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT) for an OpenTelemetry collector; empty: not set.')
param otlpEndpoint string = ''

@description('Log Analytics retention in days.')
param logRetentionDays int = 30

@description('Who the group desk is (Roles:GroupDeskEmails: Teams e-mail/UPN or iTop e-mail of each person); the bot refuses to start without a desk.')
@minLength(1)
param groupDeskEmails array

@description('Extra app settings (name → value) for this environment.')
param extraAppSettings object = {}

@description('Tags applied to every resource.')
param tags object = {}

var suffix = uniqueString(resourceGroup().id, appName, environmentName)
var baseName = '${appName}-${environmentName}'
var allTags = union(tags, {
  application: appName
  environment: environmentName
})

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}'
  location: location
  tags: allTags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    retentionInDays: logRetentionDays
    tags: allTags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    name: take('cr${replace(appName, '-', '')}${environmentName}${suffix}', 50)
    location: location
    pullPrincipalId: identity.properties.principalId
    tags: allTags
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: 'psql-${baseName}-${suffix}'
    location: location
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    databaseName: appName
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    highAvailability: postgresHighAvailability
    tags: allTags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('kv-${environmentName}-${suffix}', 24)
    location: location
    readerPrincipalId: identity.properties.principalId
    itopToken: itopToken
    stateConnectionString: 'Host=${postgres.outputs.fullyQualifiedDomainName};Port=5432;Database=${appName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
    tags: allTags
  }
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    baseName: baseName
    siteName: 'app-${baseName}-${suffix}'
    location: location
    skuName: appServiceSkuName
    instances: appServiceInstances
    image: empty(containerImage) ? '${registry.outputs.loginServer}/chatopsbot:${imageTag}' : containerImage
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenant().tenantId
    itopBaseUrl: itopBaseUrl
    itopVersion: itopVersion
    itopTokenSecretUri: vault.outputs.itopTokenSecretUri
    stateConnectionStringSecretUri: vault.outputs.stateConnectionStringSecretUri
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    otlpEndpoint: otlpEndpoint
    groupDeskEmails: groupDeskEmails
    extraAppSettings: extraAppSettings
    tags: allTags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${baseName}-${suffix}'
    displayName: environmentName == 'prod' ? 'ChatOpsBot' : 'ChatOpsBot (${environmentName})'
    sku: botSku
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenant().tenantId
    appInsightsKey: monitoring.outputs.appInsightsInstrumentationKey
    appInsightsApplicationId: monitoring.outputs.appInsightsApplicationId
    tags: allTags
  }
}

@description('The bot id (Bot:MicrosoftAppId): the managed identity\'s client id. Give it to manifest/pack.cs as --bot-id.')
output botId string = identity.properties.clientId

@description('The host name of the bot endpoint. Give it to manifest/pack.cs as --host.')
output botHost string = app.outputs.defaultHostName

@description('Registry to push the image to (docker push <loginServer>/chatopsbot:<tag>).')
output registryLoginServer string = registry.outputs.loginServer

output siteName string = app.outputs.siteName
output keyVaultName string = vault.outputs.name
output postgresServer string = postgres.outputs.fullyQualifiedDomainName
