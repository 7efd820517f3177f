// Production environment. Secrets come from the environment of the deploying shell (or the pipeline's
// secret variables), never from this file:
//   export ITOP_TOKEN=... POSTGRES_ADMIN_PASSWORD=...
// and who the group desk is (comma-separated e-mails), which names people and so is not written here either:
//   export CHATOPSBOT_GROUP_DESK_EMAILS=...
using '../main.bicep'

param environmentName = 'prod'
param location = 'francecentral'
param itopBaseUrl = 'https://itop.groupe-insa.fr/'
param itopToken = readEnvironmentVariable('ITOP_TOKEN')
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param groupDeskEmails = split(readEnvironmentVariable('CHATOPSBOT_GROUP_DESK_EMAILS'), ',')
param imageTag = readEnvironmentVariable('CHATOPSBOT_IMAGE_TAG', 'latest')
param appServiceSkuName = 'P0v3'
param appServiceInstances = 2
param postgresSkuName = 'Standard_D2ds_v5'
param postgresSkuTier = 'GeneralPurpose'
param postgresStorageSizeGB = 64
param postgresHighAvailability = true
param botSku = 'S1'
param logRetentionDays = 90
param tags = {
  owner: 'groupe-insa-dsi'
  costCenter: 'chatops-prod'
}
