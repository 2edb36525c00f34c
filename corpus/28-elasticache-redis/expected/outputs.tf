output "primary_endpoint" {
  value = alicloud_kvstore_instance.sessions.connection_domain
}

output "reader_endpoint" {
  value = alicloud_kvstore_instance.sessions.connection_domain
}

output "auth_secret_arn" {
  value = alicloud_kms_secret.auth.arn
}
