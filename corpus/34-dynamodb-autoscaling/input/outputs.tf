output "table_arns" {
  value = { for k, t in aws_dynamodb_table.this : k => t.arn }
}

output "scaling_targets" {
  value = keys(aws_appautoscaling_target.dynamodb)
}

output "kms_alias" {
  value = aws_kms_alias.dynamodb.name
}
