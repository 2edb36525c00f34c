variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "github_repository" {
  description = "owner/name of the repository whose Actions deploy this stack"
  type        = string
  default     = "acme/orders"
}

variable "office_cidrs" {
  type    = list(string)
  default = ["203.0.113.0/24", "198.51.100.0/24"]
}
