output "primary_endpoint" {
  value = aws_elasticache_replication_group.sessions.primary_endpoint_address
}

output "reader_endpoint" {
  value = aws_elasticache_replication_group.sessions.reader_endpoint_address
}

output "auth_secret_arn" {
  value = aws_secretsmanager_secret.auth.arn
}
