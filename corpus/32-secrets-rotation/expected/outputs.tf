output "secret_arns" {
  value = { for k, s in alicloud_kms_secret.db : k => s.arn }
}

output "rotation_function" {
  value = alicloud_fcv3_function.rotation.function_name
}
