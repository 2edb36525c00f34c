output "endpoint" {
  value = aws_db_instance.primary.address
}

output "replica_endpoints" {
  value = aws_db_instance.replica[*].address
}

output "security_group_id" {
  value = aws_security_group.db.id
}
