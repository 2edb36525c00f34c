variable "name" {
  type    = string
  default = "ingest"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.name))
    error_message = "The name must be 3-21 lowercase letters, digits or dashes."
  }
}

variable "landing_bucket" {
  description = "Existing landing bucket (EventBridge notifications already enabled on it)."
  type        = string
  default     = "acme-ingest-landing-123456789012"
}

variable "code_bucket" {
  type    = string
  default = "acme-lambda-artifacts-123456789012"
}

variable "code_version" {
  type    = string
  default = "2024.06.3"
}

variable "nightly_schedule" {
  description = "Catch-up run for files whose events were missed."
  type        = string
  default     = "cron(30 2 * * ? *)"
}
