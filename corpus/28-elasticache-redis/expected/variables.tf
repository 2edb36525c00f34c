variable "environment" {
  type    = string
  default = "prod"
}

variable "node_type" {
  type    = string
  default = "cache.r7g.large"
}

variable "replicas" {
  description = "Replicas in addition to the primary."
  type        = number
  default     = 2

  validation {
    condition     = var.replicas >= 1 && var.replicas <= 5
    error_message = "Multi-AZ needs at least one replica; ElastiCache allows five."
  }
}

variable "auth_token" {
  description = "Redis AUTH token. Supplied by CI from the vault; never commit it."
  type        = string
  sensitive   = true
  default     = "change-me-in-ci-0123456789"

  validation {
    condition     = length(var.auth_token) >= 16 && length(var.auth_token) <= 128
    error_message = "The AUTH token must be 16 to 128 characters."
  }
}

variable "client_security_groups" {
  description = "Names of the security groups allowed to connect."
  type        = set(string)
  default     = ["web-prod", "api-prod", "worker-prod"]
}
