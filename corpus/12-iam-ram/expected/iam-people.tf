# Humans sign in through SSO; the only IAM user is the legacy reporting job.

resource "alicloud_ram_group" "developers" {
  group_name = "orders-developers"
}

resource "alicloud_ram_group_policy_attachment" "developers" {
  for_each    = toset(["ReadOnlyAccess", "AliyunOSSFullAccess"])
  group_name  = alicloud_ram_group.developers.group_name
  policy_name = each.value
  policy_type = "System"
}

resource "alicloud_ram_user" "reporting" {
  name = "orders-reporting"
}

resource "alicloud_ram_access_key" "reporting" {
  user_name = alicloud_ram_user.reporting.name
  pgp_key   = "keybase:acme_ops"
}

resource "alicloud_ram_user_policy_attachment" "reporting" {
  user_name   = alicloud_ram_user.reporting.name
  policy_name = alicloud_ram_policy.orders_table.policy_name
  policy_type = "Custom"
}
