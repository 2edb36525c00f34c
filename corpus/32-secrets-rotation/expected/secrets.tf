# The master credentials the multi-user strategy clones from. Owned by the DBA stack.
data "alicloud_kms_secrets" "master" {
  name_regex     = "^rds/prod/master$"
  enable_details = true
}

data "alicloud_vswitches" "rotation" {
  for_each = toset(var.subnet_ids)
  ids      = [each.value]
}

resource "alicloud_kms_key" "secrets" {
  description        = "Application database credentials"
  automatic_rotation = "Enabled"
  rotation_interval  = "365d"
  tags               = local.aws2ali_default_tags
}

resource "alicloud_kms_alias" "secrets" {
  alias_name = "alias/db-credentials"
  key_id     = alicloud_kms_key.secrets.id
}

resource "alicloud_kms_secret" "db" {
  for_each = var.databases

  secret_name             = "app/${each.key}/db"
  description             = "Rotated credentials for ${each.value.username}"
  encryption_key_id       = alicloud_kms_key.secrets.id
  recovery_window_in_days = 7
  version_id              = "v1"
  secret_data = jsonencode({
    engine    = "postgres"
    host      = each.value.host
    port      = 5432
    username  = each.value.username
    password  = "rotate-me-on-first-run"
    masterarn = data.alicloud_kms_secrets.master.secrets[0].arn
  })
  secret_data_type = "text"
  tags             = local.aws2ali_default_tags
}

# Seed value only: the password is replaced by the first rotation.
# aws2ali: aws_secretsmanager_secret_version.initial is not emitted as a resource: its value is
#   secret_data of alicloud_kms_secret.db; Alibaba keeps a secret's value in the secret resource.
# resource "aws_secretsmanager_secret_version" "initial" {
#   for_each = var.databases
#
#   secret_id = aws_secretsmanager_secret.db[each.key].id
#   secret_string = "(value not repeated here: see alicloud_kms_secret.db.secret_data)"
#
#   lifecycle {
#     ignore_changes = [secret_string, version_stages]
#   }
# }

# aws2ali: manual — aws_secretsmanager_secret_rotation.db has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_secretsmanager_secret_rotation yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/aws_secretsmanager_secret_rotation.yaml.
# resource "aws_secretsmanager_secret_rotation" "db" {
#   for_each = var.databases
#
#   secret_id           = aws_secretsmanager_secret.db[each.key].id
#   rotation_lambda_arn = aws_lambda_function.rotation.arn
#
#   rotation_rules {
#     automatically_after_days = var.rotation_days
#   }
#
#   depends_on = [aws_lambda_permission.secretsmanager, aws_secretsmanager_secret_version.initial]
# }
