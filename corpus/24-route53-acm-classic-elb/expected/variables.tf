variable "parent_domain" {
  type    = string
  default = "corp.example.com"
}

variable "instance_count" {
  type    = number
  default = 2

  validation {
    condition     = var.instance_count >= 1 && var.instance_count <= 6
    error_message = "Between 1 and 6 web instances."
  }
}

variable "vpc_cidr" {
  description = "The 2016-era VPC the app has always lived in (imported into this stack in 2022)."
  type        = string
  default     = "10.31.0.0/16"
}

variable "azs" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b"]
}
