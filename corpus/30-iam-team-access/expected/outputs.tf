output "user_arns" {
  value = { for name, u in alicloud_ram_user.member : name => u.arn }
}

output "power_role_arn" {
  value = alicloud_ram_role.power.arn
}

output "switch_role_url" {
  value = "https://signin.aws.amazon.com/switchrole?account=${data.alicloud_caller_identity.current.account_id}&roleName=${alicloud_ram_role.power.role_name}"
}
