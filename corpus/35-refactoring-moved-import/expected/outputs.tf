output "instance_ids" {
  value = { for k, i in alicloud_instance.app : k => i.id }
}

output "reports_bucket" {
  value = module.reports_bucket.bucket_id
}

output "security_group_id" {
  value = alicloud_security_group.app.id
}
