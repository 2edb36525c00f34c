output "queue_arn" {
  value = alicloud_message_service_queue.orders.queue_name
}

output "secret_arn" {
  value = alicloud_kms_secret.api_key.arn
}

output "secret_version" {
  value = alicloud_kms_secret.api_key.version_id
}

output "shared_vpc_id" {
  value = data.alicloud_vpcs.shared.ids[0]
}

output "shared_subnet_ids" {
  value = data.alicloud_vswitches.shared_private.ids
}

output "db_password_value" {
  value     = data.alicloud_oos_secret_parameters.db_password.parameters[0].value
  sensitive = true
}

output "s3_endpoint_id" {
  value = alicloud_vpc_gateway_endpoint.s3.id
}
