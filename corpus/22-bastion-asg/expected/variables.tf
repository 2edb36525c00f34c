variable "vpc_name" {
  type    = string
  default = "shared-usw2"
}

variable "instance_type" {
  type    = string
  default = "t4g.small"
}

variable "create_static_bastion" {
  description = "Keep the old fixed-IP bastion for partners that allowlist a single address."
  type        = bool
  default     = true
}

variable "ssh_allowed" {
  description = "CIDRs allowed to SSH to the static bastion, keyed by who they are."
  type        = map(string)
  default = {
    office-sfo = "198.51.100.0/24"
    partner-x  = "203.0.113.17/32"
  }

  validation {
    condition     = alltrue([for c in values(var.ssh_allowed) : can(cidrhost(c, 0))])
    error_message = "Every ssh_allowed value must be a valid CIDR."
  }
}

variable "batch_capacity" {
  type    = number
  default = 2
}
