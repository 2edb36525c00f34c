output "organization_id" {
  value = data.alicloud_resource_manager_resource_directories.this.directories[0].id
}

output "member_accounts" {
  value = { for k, a in local.accounts : k => a.id }
}

output "shared_services_account" {
  value = data.alicloud_caller_identity.shared_us.account_id
}

output "shared_kms_keys" {
  value = {
    us = module.baseline_us.kms_key_arn
    eu = module.baseline_eu.kms_key_arn
  }
}
