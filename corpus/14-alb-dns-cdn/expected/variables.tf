variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "domain" {
  description = "Public domain of the shop."
  type        = string
  default     = "shop.example.com"
}

variable "app_ami" {
  description = "Golden image for the app tier (built by Packer)."
  type        = string
  default     = "ami-0a1b2c3d4e5f67890"
}
