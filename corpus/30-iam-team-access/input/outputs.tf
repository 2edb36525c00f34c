output "user_arns" {
  value = { for name, u in aws_iam_user.member : name => u.arn }
}

output "power_role_arn" {
  value = aws_iam_role.power.arn
}

output "switch_role_url" {
  value = "https://signin.aws.amazon.com/switchrole?account=${data.aws_caller_identity.current.account_id}&roleName=${aws_iam_role.power.name}"
}
