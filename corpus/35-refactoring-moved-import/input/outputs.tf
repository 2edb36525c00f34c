output "instance_ids" {
  value = { for k, i in aws_instance.app : k => i.id }
}

output "reports_bucket" {
  value = module.reports_bucket.bucket_id
}

output "security_group_id" {
  value = aws_security_group.app.id
}
