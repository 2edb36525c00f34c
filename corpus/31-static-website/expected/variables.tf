variable "zone_name" {
  type    = string
  default = "example.com"
}

variable "domain" {
  description = "Site hostname. For S3 website hosting the bucket name must equal it."
  type        = string
  default     = "docs.example.com"

  validation {
    condition     = endswith(var.domain, "example.com")
    error_message = "The site must live under the example.com zone."
  }
}

variable "create_www_redirect" {
  type    = bool
  default = true
}

variable "github_connection_arn" {
  type    = string
  default = "arn:aws:codestar-connections:us-east-1:123456789012:connection/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
