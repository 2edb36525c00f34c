# The master credentials the multi-user strategy clones from. Owned by the DBA stack.
data "aws_secretsmanager_secret" "master" {
  name = "rds/prod/master"
}

data "aws_subnet" "rotation" {
  for_each = toset(var.subnet_ids)
  id       = each.value
}

resource "aws_kms_key" "secrets" {
  description         = "Application database credentials"
  enable_key_rotation = true
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/db-credentials"
  target_key_id = aws_kms_key.secrets.key_id
}

resource "aws_secretsmanager_secret" "db" {
  for_each = var.databases

  name                    = "app/${each.key}/db"
  description             = "Rotated credentials for ${each.value.username}"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 7
}

# Seed value only: the password is replaced by the first rotation.
resource "aws_secretsmanager_secret_version" "initial" {
  for_each = var.databases

  secret_id = aws_secretsmanager_secret.db[each.key].id
  secret_string = jsonencode({
    engine    = "postgres"
    host      = each.value.host
    port      = 5432
    username  = each.value.username
    password  = "rotate-me-on-first-run"
    masterarn = data.aws_secretsmanager_secret.master.arn
  })

  lifecycle {
    ignore_changes = [secret_string, version_stages]
  }
}

resource "aws_secretsmanager_secret_rotation" "db" {
  for_each = var.databases

  secret_id           = aws_secretsmanager_secret.db[each.key].id
  rotation_lambda_arn = aws_lambda_function.rotation.arn

  rotation_rules {
    automatically_after_days = var.rotation_days
  }

  depends_on = [aws_lambda_permission.secretsmanager, aws_secretsmanager_secret_version.initial]
}
