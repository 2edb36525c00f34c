output "endpoint" {
  value = alicloud_db_instance.primary.connection_string
}

output "replica_endpoints" {
  value = var.aws2ali_aws_db_instance_replica[*].address
}

output "security_group_id" {
  value = alicloud_security_group.db.id
}
