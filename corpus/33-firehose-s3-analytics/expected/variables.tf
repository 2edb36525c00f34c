variable "sources" {
  description = "Event sources; each gets a delivery stream and an S3 prefix."
  type = map(object({
    buffer_mb      = optional(number, 64)
    buffer_seconds = optional(number, 300)
  }))
  default = {
    web    = {}
    mobile = { buffer_mb = 128 }
    server = { buffer_seconds = 60 }
  }
}

variable "storage_tiers" {
  description = "Storage class transitions for raw events (days after creation)."
  type        = map(number)
  default = {
    INTELLIGENT_TIERING = 30
    GLACIER_IR          = 180
  }
}

variable "retention_days" {
  type    = number
  default = 1095

  validation {
    condition     = var.retention_days > 180
    error_message = "Keep raw events longer than the last storage transition."
  }
}

variable "transform_function_arn" {
  description = "Enrichment Lambda (owned by the clickstream app repo)."
  type        = string
  default     = "arn:aws:lambda:us-west-2:123456789012:function:clickstream-enrich:live"
}
