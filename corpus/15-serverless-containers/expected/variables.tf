variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "azs" {
  type    = list(string)
  default = ["eu-central-1a", "eu-central-1b"]
}

variable "image_tag" {
  type    = string
  default = "1.4.2"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "cache_auth_token" {
  type      = string
  sensitive = true
}

variable "platform_admin_role_arn" {
  type = string
}
