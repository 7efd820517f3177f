// Azure Bot registration whose identity is the user-assigned managed identity, with the Teams channel.
param name string
param displayName string
param sku string
param endpoint string
param identityId string
param identityClientId string
param tenantId string
param appInsightsKey string
param appInsightsApplicationId string
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identityId
    developerAppInsightKey: appInsightsKey
    developerAppInsightsApplicationId: appInsightsApplicationId
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botName string = bot.name
