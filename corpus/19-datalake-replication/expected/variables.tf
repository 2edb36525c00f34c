variable "prefix" {
  type    = string
  default = "acme-datalake"
}

variable "zones" {
  description = "Lake zones and how their data ages. Days of 0 mean never."
  type = map(object({
    replicate       = bool
    ia_after_days   = number
    glacier_after   = number
    expire_after    = number
    noncurrent_days = optional(number, 30)
  }))
  default = {
    raw       = { replicate = true, ia_after_days = 30, glacier_after = 90, expire_after = 730 }
    curated   = { replicate = true, ia_after_days = 60, glacier_after = 365, expire_after = 0 }
    analytics = { replicate = false, ia_after_days = 30, glacier_after = 0, expire_after = 180, noncurrent_days = 7 }
  }

  validation {
    condition     = alltrue([for z in values(var.zones) : z.ia_after_days >= 30])
    error_message = "S3 requires objects to be at least 30 days old before STANDARD_IA."
  }
}
