output "secret_arns" {
  value = { for k, s in aws_secretsmanager_secret.db : k => s.arn }
}

output "rotation_function" {
  value = aws_lambda_function.rotation.function_name
}
