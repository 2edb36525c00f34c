variable "analytics_vpc_name" {
  type    = string
  default = "analytics-use1"
}

variable "shared_vpc_name" {
  type    = string
  default = "shared-services-use2"
}

variable "flow_log_bucket_arn" {
  description = "Central flow-log archive in the log-archive account."
  type        = string
  default     = "arn:aws:s3:::acme-log-archive-flowlogs-555566667777"
}

variable "nacl_rules" {
  description = "Rules for the data-subnet NACL."
  type = map(object({
    number = number
    egress = optional(bool, false)
    action = string
    cidr   = string
    from   = number
    to     = number
  }))
  default = {
    vpc-in       = { number = 100, action = "allow", cidr = "10.60.0.0/16", from = 0, to = 65535 }
    pg-from-peer = { number = 110, action = "allow", cidr = "10.70.0.0/16", from = 5432, to = 5432 }
    ephemeral-in = { number = 120, action = "allow", cidr = "0.0.0.0/0", from = 1024, to = 65535 }
    deny-ssh     = { number = 90, action = "deny", cidr = "0.0.0.0/0", from = 22, to = 22 }
    all-out      = { number = 100, egress = true, action = "allow", cidr = "0.0.0.0/0", from = 0, to = 65535 }
  }

  validation {
    condition     = alltrue([for r in values(var.nacl_rules) : contains(["allow", "deny"], r.action)])
    error_message = "NACL actions are allow or deny."
  }
}
