output "queue_arn" {
  value = aws_sqs_queue.orders.arn
}

output "secret_arn" {
  value = aws_secretsmanager_secret.api_key.arn
}

output "secret_version" {
  value = aws_secretsmanager_secret_version.api_key.version_id
}

output "shared_vpc_id" {
  value = data.aws_vpc.shared.id
}

output "shared_subnet_ids" {
  value = data.aws_subnets.shared_private.ids
}

output "db_password_value" {
  value     = data.aws_ssm_parameter.db_password.value
  sensitive = true
}

output "s3_endpoint_id" {
  value = aws_vpc_endpoint.s3.id
}
