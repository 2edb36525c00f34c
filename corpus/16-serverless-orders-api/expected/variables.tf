variable "region" {
  type    = string
  default = "us-east-1"
}

variable "environment" {
  description = "Deployment stage."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be one of dev, staging or prod."
  }
}

variable "release" {
  description = "Git SHA of the build to deploy. CI passes -var release=$GITHUB_SHA."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{7,40}$", var.release))
    error_message = "The release must be a (short or full) git SHA."
  }
}

variable "artifact_bucket" {
  description = "Bucket the CI pipeline uploads Lambda zips to (owned by the ci-shared stack)."
  type        = string
  default     = "acme-lambda-artifacts-123456789012"
}

variable "api_execution_arn" {
  description = "Execution ARN of the HTTP API in front of the api function (still managed in the legacy apigw stack)."
  type        = string
  default     = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5"
}

variable "alarm_email" {
  type    = string
  default = "orders-oncall@example.com"
}

variable "functions" {
  description = "Lambda handlers keyed by short name. from_queue = true wires the function to the orders queue."
  type = map(object({
    handler     = string
    memory_size = optional(number, 256)
    timeout     = optional(number, 15)
    from_queue  = optional(bool, false)
  }))
  default = {
    api = {
      handler     = "orders.api.handler"
      memory_size = 512
    }
    worker = {
      handler    = "orders.worker.handler"
      timeout    = 60
      from_queue = true
    }
  }
}
