variable "environment" {
  type    = string
  default = "staging"
}

variable "shared_vpc_name" {
  type    = string
  default = "shared-services"
}

variable "db_password" {
  type      = string
  sensitive = true
}
