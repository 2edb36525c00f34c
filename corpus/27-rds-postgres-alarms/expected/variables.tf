variable "environment" {
  type    = string
  default = "prod"
}

variable "instance_class" {
  type    = string
  default = "db.r6g.xlarge"

  validation {
    condition     = can(regex("^db\\.", var.instance_class))
    error_message = "RDS instance classes start with db."
  }
}

variable "replica_count" {
  description = "Read replicas for the reporting workload."
  type        = number
  default     = 1
}

variable "app_security_group_ids" {
  description = "Security groups of the services that talk to the database."
  type        = list(string)
  default     = ["sg-0aaa1111bbbb22223", "sg-0ccc3333dddd44445"]
}

variable "db_parameters" {
  type = map(object({
    value        = string
    apply_method = optional(string, "immediate")
  }))
  default = {
    "log_min_duration_statement" = { value = "500" }
    "log_connections"            = { value = "1" }
    "rds.force_ssl"              = { value = "1" }
    "shared_preload_libraries"   = { value = "pg_stat_statements", apply_method = "pending-reboot" }
    "max_connections"            = { value = "400", apply_method = "pending-reboot" }
  }
}
