output "table_arns" {
  value = { for k, t in var.aws2ali_aws_dynamodb_table_this : k => t.arn }
}

output "scaling_targets" {
  value = keys(var.aws2ali_aws_appautoscaling_target_dynamodb)
}

output "kms_alias" {
  value = alicloud_kms_alias.dynamodb.alias_name
}
