resource "aws_kms_key" "config" {
  description             = "Encrypts configuration values"
  deletion_window_in_days = 14
}

resource "aws_ssm_parameter" "api_url" {
  name  = "/orders/${var.environment}/api_url"
  type  = "String"
  value = "https://api.example.com/orders"
}

resource "aws_ssm_parameter" "allowed_origins" {
  name            = "/orders/allowed_origins"
  type            = "StringList"
  value           = "https://shop.example.com,https://admin.example.com"
  allowed_pattern = "^https://.*$"
}

resource "aws_ssm_parameter" "db_password" {
  name        = "/orders/db_password"
  description = "Database password for the orders service"
  type        = "SecureString"
  value       = var.db_password
  key_id      = aws_kms_key.config.arn
}

data "aws_ssm_parameter" "db_password" {
  name            = aws_ssm_parameter.db_password.name
  with_decryption = true
}

data "aws_ssm_parameter" "feature_flags" {
  name = "/shared/feature_flags"
}

resource "aws_secretsmanager_secret" "api_key" {
  name                    = "orders/api-key"
  description             = "Third-party payment API key"
  kms_key_id              = aws_kms_key.config.arn
  recovery_window_in_days = 0
}

resource "aws_secretsmanager_secret_version" "api_key" {
  secret_id     = aws_secretsmanager_secret.api_key.id
  secret_string = jsonencode({ key = "sk_live_DO_NOT_ECHO_4242" })
}

resource "aws_secretsmanager_secret" "external" {
  name = "orders/external-token"
}
