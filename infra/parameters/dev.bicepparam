// Development environment. Secrets come from the environment of the deploying shell, never from this file:
//   export ITOP_TOKEN=... POSTGRES_ADMIN_PASSWORD=...
// and who the group desk is (comma-separated e-mails), which names people and so is not written here either:
//   export CHATOPSBOT_GROUP_DESK_EMAILS=...
using '../main.bicep'

param environmentName = 'dev'
param location = 'francecentral'
param itopBaseUrl = 'https://itop-recette.groupe-insa.fr/'
param itopToken = readEnvironmentVariable('ITOP_TOKEN')
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param groupDeskEmails = split(readEnvironmentVariable('CHATOPSBOT_GROUP_DESK_EMAILS'), ',')
param imageTag = 'dev'
param appServiceSkuName = 'B1'
param postgresSkuName = 'Standard_B1ms'
param postgresSkuTier = 'Burstable'
param postgresStorageSizeGB = 32
param botSku = 'F0'
param logRetentionDays = 30
param tags = {
  owner: 'groupe-insa-dsi'
  costCenter: 'chatops-dev'
}
