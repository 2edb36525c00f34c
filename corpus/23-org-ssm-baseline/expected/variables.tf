variable "shared_services_account_id" {
  type    = string
  default = "222222222222"

  validation {
    condition     = can(regex("^[0-9]{12}$", var.shared_services_account_id))
    error_message = "Account ids are 12 digits."
  }
}

variable "auditor_principals" {
  description = "Roles in the security account allowed to assume the org read-only role."
  type        = list(string)
  default     = ["arn:aws:iam::333333333333:role/SecurityAudit"]
}
