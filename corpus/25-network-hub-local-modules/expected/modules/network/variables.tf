variable "name" {
  type = string
}

variable "cidr" {
  type = string
}

variable "azs" {
  type = list(string)
}

variable "single_nat_gateway" {
  type    = bool
  default = false
}

variable "flow_log_bucket_arn" {
  description = "Central S3 archive for flow logs; null disables them."
  type        = string
  default     = null
}
