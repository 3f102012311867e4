# Databases and caches the audit found, and the addresses the services read
# from Secrets Manager (the variables named as the code reads them).
locals {
  data_store_secrets = []
}
