output "instance_profile" {
  description = "Instance profile for the orders launch template"
  value       = alicloud_ram_role.orders_app.role_name
}

output "deploy_role_arn" {
  description = "Role the GitHub workflow assumes (aws-actions/configure-aws-credentials role-to-assume)"
  value       = alicloud_ram_role.github_deploy.arn
}

output "reporting_access_key_id" {
  value = alicloud_ram_access_key.reporting.id
}

output "reporting_secret" {
  value     = alicloud_ram_access_key.reporting.encrypted_secret
  sensitive = true
}
