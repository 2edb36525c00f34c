variable "private_subnet_ids" {
  description = "Private (database tier) subnets from the network stack."
  type        = list(string)
  default     = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

variable "db_security_group_id" {
  type    = string
  default = "sg-0123456789abcdef0"
}

variable "db_master_username" {
  type    = string
  default = "shopadmin"
}

# Injected from the CI secret store (TF_VAR_db_master_password); never commit a value.
variable "db_master_password" {
  type      = string
  sensitive = true
}
