variable "services" {
  description = "Services built by this pipeline; one ECR repository each."
  type        = set(string)
  default     = ["checkout-api", "checkout-worker"]
}

variable "repository" {
  description = "GitHub repository, owner/name."
  type        = string
  default     = "acme/checkout"
}

variable "branch" {
  type    = string
  default = "main"
}

variable "build_env" {
  description = "Plain-text build environment variables (secrets go through SSM, see buildspec)."
  type        = map(string)
  default = {
    GO_VERSION = "1.22"
    LINT       = "true"
  }
}

variable "compute_type" {
  type    = string
  default = "BUILD_GENERAL1_MEDIUM"

  validation {
    condition     = startswith(var.compute_type, "BUILD_GENERAL1_")
    error_message = "Use one of the BUILD_GENERAL1_* compute types."
  }
}
