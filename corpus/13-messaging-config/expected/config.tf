resource "alicloud_kms_key" "config" {
  description            = "Encrypts configuration values"
  pending_window_in_days = 14
  tags                   = local.aws2ali_default_tags
}

resource "alicloud_oos_parameter" "api_url" {
  parameter_name    = "orders/${var.environment}/api_url"
  type              = "String"
  value             = "https://api.example.com/orders"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oos_parameter" "allowed_origins" {
  parameter_name    = "orders/allowed_origins"
  type              = "StringList"
  value             = "https://shop.example.com,https://admin.example.com"
  constraints       = jsonencode({ AllowedPattern = "^https://.*$" })
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oos_secret_parameter" "db_password" {
  secret_parameter_name = "orders/db_password"
  description           = "Database password for the orders service"
  type                  = "Secret"
  value                 = var.db_password
  key_id                = alicloud_kms_key.config.id
  resource_group_id     = alicloud_resource_manager_resource_group.this.id
  tags                  = local.aws2ali_default_tags
}

data "alicloud_oos_secret_parameters" "db_password" {
  secret_parameter_name = alicloud_oos_secret_parameter.db_password.secret_parameter_name
  enable_details        = true
  with_decryption       = true
}

data "alicloud_oos_parameters" "feature_flags" {
  parameter_name = "shared/feature_flags"
  enable_details = true
}

resource "alicloud_kms_secret" "api_key" {
  secret_name                   = "orders/api-key"
  description                   = "Third-party payment API key"
  encryption_key_id             = alicloud_kms_key.config.id
  version_id                    = "v1"
  secret_data                   = jsonencode({ key = "sk_live_DO_NOT_ECHO_4242" })
  secret_data_type              = "text"
  force_delete_without_recovery = true
  tags                          = local.aws2ali_default_tags
}

# aws2ali: aws_secretsmanager_secret_version.api_key is not emitted as a resource: its value is
#   secret_data of alicloud_kms_secret.api_key; Alibaba keeps a secret's value in the secret resource.
# resource "aws_secretsmanager_secret_version" "api_key" {
#   secret_id     = aws_secretsmanager_secret.api_key.id
#   secret_string = "(value not repeated here: see alicloud_kms_secret.api_key.secret_data)"
# }

resource "alicloud_kms_secret" "external" {
  secret_name = "orders/external-token"
  version_id  = "v1"
  secret_data = var.external_secret_data
  tags        = local.aws2ali_default_tags
}
