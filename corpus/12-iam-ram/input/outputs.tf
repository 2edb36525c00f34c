output "instance_profile" {
  description = "Instance profile for the orders launch template"
  value       = aws_iam_instance_profile.orders_app.name
}

output "deploy_role_arn" {
  description = "Role the GitHub workflow assumes (aws-actions/configure-aws-credentials role-to-assume)"
  value       = aws_iam_role.github_deploy.arn
}

output "reporting_access_key_id" {
  value = aws_iam_access_key.reporting.id
}

output "reporting_secret" {
  value     = aws_iam_access_key.reporting.encrypted_secret
  sensitive = true
}
